package dev.ferry.start;

import dev.ferry.event.EventTypeDefinition;
import dev.ferry.event.SampleVariables;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A first event to paste into a terminal: this Ferry's real address, one of the organization's own event types
 * with sample values, and a placeholder where the API key goes (Ferry cannot show a key again once created).
 */
final class CurlExample {

    static final String KEY_PLACEHOLDER = "YOUR_API_KEY";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CurlExample() {
    }

    static String firstEvent(String baseUrl, EventTypeDefinition type, Instant now) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", "experiment");
        subject.put("id", "exp-1");
        subject.put("title", "Checkout redesign");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.type());
        body.put("subject", subject);
        body.put("variables", SampleVariables.of(type.variableNames(), now));
        return "curl -X POST " + baseUrl + "/api/v1/events \\\n"
                + "  -H 'Authorization: Bearer " + KEY_PLACEHOLDER + "' \\\n"
                + "  -H 'Content-Type: application/json' \\\n"
                + "  -d '" + shellQuoted(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body)) + "'";
    }

    /** Inside single quotes a shell ends the string at a quote: close, escape it, reopen. */
    private static String shellQuoted(String text) {
        return text.replace("'", "'\\''");
    }
}
