package dev.ferry.simulator.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parameters from a query string, a form body or a flat JSON body (the token endpoint takes JSON or a form). */
final class Form {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Form() {
    }

    static Map<String, String> urlEncoded(String text) {
        Map<String, String> params = new LinkedHashMap<>();
        if (text == null) {
            return params;
        }
        for (String pair : text.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                params.putIfAbsent(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    static Map<String, String> body(String contentType, String text) {
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            return urlEncoded(text);
        }
        Map<String, String> params = new LinkedHashMap<>();
        try {
            JsonNode json = JSON.readTree(text == null ? "" : text);
            if (json != null && json.isObject()) {
                json.fields().forEachRemaining(field -> params.put(field.getKey(), field.getValue().asText()));
            }
        } catch (java.io.IOException notJson) {
            return params;
        }
        return params;
    }
}
