package dev.ferry.auditcollector;

import java.net.URI;

/**
 * A collector's HTTP sink as the collector list shows it: where it posts and how it goes.
 *
 * @param host  the sink URL's host (its path and query may carry a token: never shown here)
 * @param state {@code sending}, {@code failing} (its last batch failed; retried) or {@code disabled}
 */
public record SinkSummary(String host, String state) {

    static SinkSummary of(String url, boolean enabled, int attempts) {
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException notAUri) {
            host = null;
        }
        return new SinkSummary(host == null ? "?" : host, !enabled ? "disabled" : attempts > 0 ? "failing" : "sending");
    }
}
