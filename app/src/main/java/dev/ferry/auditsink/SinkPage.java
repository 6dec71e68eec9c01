package dev.ferry.auditsink;

import dev.ferry.console.Shown;
import java.util.List;

/**
 * The console's page of a collector's sink: its form, the names of the headers kept (values never), and where
 * delivery stands.
 *
 * @param state null while the collector has no sink
 * @param error why the last form was refused; null otherwise
 */
record SinkPage(String collectorId, boolean exists, SinkForm form, List<String> keptHeaders, boolean headersKept,
        State state, String error) {

    /** Where delivery stands, as words and times. */
    record State(boolean failing, boolean enabled, long position, long lag, long sent, String lastSent,
            String lastHttpStatus, String lastAnswer, String lastError, String lastErrorAt, String next) {

        static State of(Sinks.WithLag shown) {
            AuditSink sink = shown.sink();
            return new State(sink.failing(), sink.enabled(), sink.position(), shown.lag(), sink.sent(),
                    Shown.time(sink.lastSentAt()), sink.lastHttpStatus() == null ? "" : sink.lastHttpStatus().toString(),
                    sink.lastAnswer() == null ? "" : sink.lastAnswer(), sink.lastError() == null ? "" : sink.lastError(),
                    Shown.time(sink.lastErrorAt()), sink.failing() ? Shown.time(sink.nextAttemptAt()) : "");
        }
    }

    static SinkPage of(String collectorId, Sinks.WithLag shown, SinkForm form, String error) {
        List<String> kept = shown == null ? List.of() : shown.sink().headerNames();
        return new SinkPage(collectorId, shown != null, form, kept, !kept.isEmpty(),
                shown == null ? null : State.of(shown), error);
    }
}
