package dev.ferry.auditsink;

import dev.ferry.refusal.InvalidBody;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The console's sink form as sent: headers typed as {@code Name: value} lines. What was typed comes back on a
 * refused form, except the header values: they are typed again, never shown.
 */
record SinkForm(String url, String batchSize, boolean enabled, boolean replaceHeaders) {

    static SinkForm blank(int batchSize) {
        return new SinkForm("", Integer.toString(batchSize), true, false);
    }

    static SinkForm of(AuditSink sink) {
        return new SinkForm(sink.url(), Integer.toString(sink.batchSize()), sink.enabled(), false);
    }

    /** The request the API would get; a line without a colon or a batch size that is not a number is refused. */
    Sinks.Request request(String headerLines) {
        return new Sinks.Request(url, headers(headerLines), batch(), enabled, replaceHeaders);
    }

    private Integer batch() {
        if (batchSize == null || batchSize.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(batchSize.strip());
        } catch (NumberFormatException e) {
            throw InvalidBody.of("/batchSize", "batchSize must be a whole number between 1 and " + SinkInput.MAX_BATCH);
        }
    }

    static Map<String, String> headers(String lines) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : (lines == null ? "" : lines).split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 1) {
                throw InvalidBody.of("/headers", "each header line is Name: value, such as Authorization: Splunk <token>");
            }
            headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        return headers;
    }
}
