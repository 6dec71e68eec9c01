package dev.ferry.auditcollector;

import dev.ferry.connection.ConnectionView;
import java.time.Duration;
import java.time.Instant;

/**
 * A collector as the API shows it, with its connection's kind, site and account; never a secret.
 *
 * @param connectionKind {@code api_token}, {@code oauth} or {@code app_install}; null once the connection was deleted
 * @param account        who Jira is read as: the API token's email, the OAuth account's name, or {@code app}
 * @param pollInterval   ISO-8601 ({@code PT5M}), the same as {@code pollSeconds}
 * @param state          {@code running}, {@code paused} or {@code failing} (then {@code failure} and
 *                       {@code lastError} say why)
 * @param lagSeconds     how far behind now everything has been read; null before the first full poll
 * @param sink           the collector's HTTP sink, if it has one
 */
public record CollectorView(String id, String connectionId, String connectionKind, String siteUrl, String account,
        String pollInterval, long pollSeconds, Instant startFrom, String filter, String state, String failure,
        String lastError, Instant lastErrorAt, Instant lastPollAt, Instant newestRecordAt, Long lagSeconds,
        long recordsStored, SinkSummary sink, String createdBy, Instant createdAt, Instant updatedAt) {

    static CollectorView of(AuditCollector c, ConnectionView connection, SinkSummary sink, Instant now) {
        Duration lag = c.lag(now);
        return new CollectorView(c.id(), c.connectionId(), connection == null ? null : connection.kind(),
                connection == null ? null : connection.siteUrl(), account(connection), c.pollInterval().toString(),
                c.pollInterval().toSeconds(), c.startFrom(), c.filter(), c.state().name().toLowerCase(java.util.Locale.ROOT),
                c.failure() == null ? null : c.failure().name(), c.lastError(), c.lastErrorAt(), c.lastPollAt(),
                c.newestRecordAt(), lag == null ? null : lag.toSeconds(), c.records(), sink, c.createdBy(),
                c.createdAt(), c.updatedAt());
    }

    private static String account(ConnectionView connection) {
        if (connection == null) {
            return null;
        }
        return switch (connection.kind()) {
            case "app_install" -> "app";
            case "api_token" -> connection.email();
            default -> connection.account() != null && connection.account().displayName() != null
                    ? connection.account().displayName() : connection.email();
        };
    }
}
