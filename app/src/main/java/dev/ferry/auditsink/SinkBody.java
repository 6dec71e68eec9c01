package dev.ferry.auditsink;

import java.time.Instant;
import java.util.List;

/**
 * A sink as the API shows it: the names of its headers, never their values.
 *
 * @param state    {@code ok}, or {@code failing} while its last post failed (the same batch goes again at
 *                 {@code nextAttemptAt})
 * @param lag      the collector's records the sink has not accepted yet
 * @param position the position of the last record the sink accepted (0: none yet)
 */
record SinkBody(String collectorId, String url, List<String> headerNames, int batchSize, boolean enabled,
        String state, long position, long lag, long sent, int attempts, Instant lastSentAt, Integer lastHttpStatus,
        String lastAnswer, String lastError, Instant lastErrorAt, Instant nextAttemptAt, String updatedBy,
        Instant updatedAt) {

    static SinkBody of(Sinks.WithLag shown) {
        AuditSink sink = shown.sink();
        return new SinkBody(sink.collectorId(), sink.url(), sink.headerNames(), sink.batchSize(), sink.enabled(),
                sink.failing() ? "failing" : "ok", sink.position(), shown.lag(), sink.sent(), sink.attempts(),
                sink.lastSentAt(), sink.lastHttpStatus(), sink.lastAnswer(), sink.lastError(), sink.lastErrorAt(),
                sink.failing() ? sink.nextAttemptAt() : null, sink.updatedBy(), sink.updatedAt());
    }

    /** What a test post got. */
    record Tested(boolean accepted, Integer status, String answer, String error) {

        static Tested of(SinkSender.Sent sent) {
            return new Tested(sent.accepted(), sent.status(), sent.answer(), sent.failure());
        }
    }
}
