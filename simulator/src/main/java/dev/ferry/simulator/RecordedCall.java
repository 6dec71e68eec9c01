package dev.ferry.simulator;

import java.util.Map;

/**
 * One call the app made to the simulated site, as it arrived and as it was answered.
 *
 * @param authKind connect, basic or bearer; null when authentication failed
 */
public record RecordedCall(String method, String path, String query, Map<String, String> headers, String body,
        int status, String authKind) {

    /** The path and query as sent. */
    public String url() {
        return query == null ? path : path + "?" + query;
    }
}
