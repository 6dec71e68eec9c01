package dev.ferry.simulator.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Jira's canonical request ({@code METHOD&path&query}) and its qsh, written independently of Ferry's
 * own code so that the two can check each other against Atlassian's vectors.
 */
public final class Canonical {

    private Canonical() {
    }

    /** The canonical string of a request; {@code basePath} ("" or "/wiki") is stripped on a segment boundary. */
    public static String text(String method, String rawPath, String rawQuery, String basePath) {
        return method.toUpperCase(Locale.ROOT) + "&" + path(rawPath, basePath) + "&" + query(rawQuery);
    }

    public static String qsh(String method, String rawPath, String rawQuery, String basePath) {
        return sha256Hex(text(method, rawPath, rawQuery, basePath));
    }

    public static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String path(String rawPath, String basePath) {
        String path = rawPath == null ? "" : rawPath;
        String base = basePath == null ? "" : basePath.replaceAll("/+$", "");
        if (!base.isEmpty() && (path.equals(base) || path.startsWith(base + "/"))) {
            path = path.substring(base.length());
        }
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return (path.isEmpty() ? "/" : path).replace("&", "%26");
    }

    static String query(String rawQuery) {
        Map<String, List<String>> byName = new TreeMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (!name.equals("jwt")) {
                    byName.computeIfAbsent(percentEncode(name), n -> new ArrayList<>()).add(value);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        byName.forEach((name, values) -> {
            List<String> sorted = new ArrayList<>(values);
            sorted.sort(null);
            List<String> encoded = sorted.stream().map(Canonical::percentEncode).toList();
            out.append(out.length() == 0 ? "" : "&").append(name).append('=').append(String.join(",", encoded));
        });
        return out.toString();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** RFC 3986: everything but {@code A-Za-z0-9-._~} is escaped, so {@code +}, {@code *} and space differ from form encoding. */
    public static String percentEncode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~".indexOf(c) >= 0;
            out.append(unreserved ? String.valueOf(c) : String.format("%%%02X", (int) c));
        }
        return out.toString();
    }
}
