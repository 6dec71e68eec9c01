/**
 * Forge Remote: verifying the Forge Invocation Token every call from Forge carries (RS256 by a key of Atlassian's
 * JWKS, issuer, this app's audience, times). Nothing of a call is trusted before its token passes.
 */
package dev.ferry.forge;
