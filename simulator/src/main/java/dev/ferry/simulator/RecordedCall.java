package dev.ferry.simulator;

import java.util.Map;
import java.util.Optional;

/**
 * One call the app made to the simulated site, as it arrived and as it was answered.
 *
 * @param authKind connect, basic, bearer (OAuth), forge-system or forge-user; null when authentication failed
 */
public record RecordedCall(String method, String path, String query, Map<String, String> headers, String body,
        int status, String authKind) {

    /** A request header by name, in any case: HTTP/1.1 keeps the sender's case, HTTP/2 lowers it. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst();
    }

    /** The path and query as sent. */
    public String url() {
        return query == null ? path : path + "?" + query;
    }
}
