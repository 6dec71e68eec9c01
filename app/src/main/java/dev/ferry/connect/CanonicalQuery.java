package dev.ferry.connect;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The query half of the canonical request. It reads only the raw query string: the servlet parameter
 * map would mix in a form body, which the token does not cover.
 */
final class CanonicalQuery {

    private static final String TOKEN_PARAMETER = "jwt";

    private CanonicalQuery() {
    }

    static String of(String rawQuery) {
        Map<String, List<String>> valuesByEncodedName = new TreeMap<>();
        for (var parameter : decode(rawQuery)) {
            if (!parameter.name().equals(TOKEN_PARAMETER)) {
                valuesByEncodedName.computeIfAbsent(encode(parameter.name()), name -> new ArrayList<>())
                        .add(parameter.value());
            }
        }
        return valuesByEncodedName.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + joinSorted(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** The raw query's parameters, form-decoded, in order; a name without {@code =} has an empty value. */
    static List<Parameter> decode(String rawQuery) {
        List<Parameter> parameters = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.add(new Parameter(formDecode(name), formDecode(value)));
        }
        return parameters;
    }

    private static String joinSorted(List<String> decodedValues) {
        return decodedValues.stream().sorted().map(CanonicalQuery::encode).collect(Collectors.joining(","));
    }

    private static String formDecode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw new InvalidTokenException("the query string has a malformed percent-encoding");
        }
    }

    /** RFC 3986 percent-encoding: only unreserved characters stay as they are. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    /** One decoded query parameter. */
    record Parameter(String name, String value) {
    }
}
