package dev.ferry.metrics;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One reading of the database for the gauges; NaN where it could not be read (the database out), so a
 * dashboard shows a gap rather than a last value that is no longer true.
 *
 * @param depth      open rows per backlog
 * @param oldestDue  seconds the oldest due row of each backlog has waited (0: none due)
 * @param reconnect  connections needing a person per reason ({@code credentials_rejected}, {@code grant_broken})
 * @param lags       how far behind now each ingest checkpoint is
 */
record Reading(Map<Backlog, Double> depth, Map<Backlog, Double> oldestDue, Map<String, Double> reconnect,
        List<Lag> lags) {

    static final List<String> REASONS = List.of("credentials_rejected", "grant_broken");

    static final Reading UNREADABLE = new Reading(new EnumMap<>(Backlog.class), new EnumMap<>(Backlog.class), Map.of(),
            List.of());

    double depth(Backlog backlog) {
        return depth.getOrDefault(backlog, Double.NaN);
    }

    double oldestDue(Backlog backlog) {
        return oldestDue.getOrDefault(backlog, Double.NaN);
    }

    double reconnect(String reason) {
        return reconnect.getOrDefault(reason, Double.NaN);
    }

    /**
     * An ingest checkpoint's distance from now.
     *
     * @param source     {@code activity} (a connection's stream) or {@code audit} (its audit collector)
     * @param connection the connection id
     * @param stream     the activity stream, or {@code audit_records}
     */
    record Lag(String source, String connection, String stream, double seconds) {

        /** The lag's series, without its value. */
        Lag key() {
            return new Lag(source, connection, stream, 0);
        }
    }
}
