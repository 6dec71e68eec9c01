/**
 * "Connect with Atlassian": the OAuth 2.0 (3LO) round trip (state, consent, code exchange, the pick of sites),
 * the grants' sealed tokens and their rotation across nodes, the refresh worker, and reconnecting a grant that
 * Atlassian refused. It makes connections of the {@code connection} capability and answers it the grants' tokens.
 */
package dev.ferry.oauth;
