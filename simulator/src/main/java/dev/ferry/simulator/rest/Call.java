package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One REST call as a handler sees it: the method, the path's variables, decoded query parameters and the
 * JSON body (null when absent or not JSON), and the accountId of whoever is authenticated.
 */
record Call(String method, String path, List<String> pathVariables, Map<String, List<String>> query, JsonNode body,
        String rawBody, String siteUrl, String caller) {

    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        return query;
    }

    String variable(int index) {
        return pathVariables.get(index);
    }

    String param(String name, String fallback) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }

    int intParam(String name, int fallback) {
        try {
            return Integer.parseInt(param(name, Integer.toString(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Comma-separated or repeated list parameters ({@code fields=summary,status}). */
    List<String> listParam(String name) {
        List<String> out = new ArrayList<>();
        query.getOrDefault(name, List.of()).forEach(value -> {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        });
        return out;
    }
}
