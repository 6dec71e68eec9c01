package dev.ferry.callback;

import java.time.Instant;

/**
 * A message as a worker claimed it.
 *
 * @param attempts   this attempt's number: the claim that counts it, so a stale copy is told apart
 * @param windowFrom when its retry window started
 */
record CallbackMessage(long id, String webhookId, String endpointId, String eventType, String body, int attempts,
        Instant windowFrom) {
}
