/**
 * Forge Remote: every call under {@code /forge/} passes {@link dev.ferry.forge.ForgeRemoteGate} (the Forge
 * Invocation Token verified: RS256 by a key of Atlassian's JWKS, issuer, this app's audience, times; then the
 * installation admits it). Nothing of a call is trusted before its token passes.
 */
package dev.ferry.forge;
