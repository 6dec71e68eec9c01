package dev.ferry.simulator.forge;

import java.time.Instant;

/**
 * One request Forge sent a remote, as the remote saw it: for tests to assert which route got what, with which
 * tokens, and how the remote answered.
 *
 * @param attempt     0 for the first try, then 1.. for Forge's retries
 * @param systemToken the {@code x-forge-oauth-system} token sent, or null
 * @param userToken   the {@code x-forge-oauth-user} token sent, or null
 * @param status      the remote's status; 0 when it failed to answer (refused, reset, timed out)
 */
public record Invocation(String method, String url, String endpointKey, String fit, String systemToken,
        String userToken, String body, int attempt, int status, Instant at) {
}
