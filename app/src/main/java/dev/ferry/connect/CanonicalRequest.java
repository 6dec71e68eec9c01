package dev.ferry.connect;

import java.util.Locale;

/**
 * The canonical form of an HTTP request that a Connect token's {@code qsh} claim hashes:
 * {@code METHOD&path&query}, built from the raw (still percent-encoded) request line.
 *
 * @param method upper-case HTTP method
 * @param path   canonical path: relative to the app's (or site's) base path, never empty, {@code &} as {@code %26}
 * @param query  canonical query: sorted, grouped, RFC 3986 encoded, without {@code jwt}
 */
public record CanonicalRequest(String method, String path, String query) {

    /**
     * @param rawPath  the request path exactly as sent (percent-encoding intact)
     * @param rawQuery the query string exactly as sent, or null
     * @param basePath the path of the base URL the request is relative to ("" or "/prefix")
     */
    public static CanonicalRequest of(String method, String rawPath, String rawQuery, String basePath) {
        return new CanonicalRequest(method.toUpperCase(Locale.ROOT), canonicalPath(rawPath, basePath),
                CanonicalQuery.of(rawQuery));
    }

    /** The string the hash is taken of. */
    public String text() {
        return method + "&" + path + "&" + query;
    }

    /** Lower-case hex SHA-256 of {@link #text()}: the expected {@code qsh} claim. */
    public String qsh() {
        return Fingerprint.of(text());
    }

    static String canonicalPath(String rawPath, String basePath) {
        String path = rawPath == null ? "" : rawPath;
        path = stripPrefix(path, basePath);
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.isEmpty()) {
            path = "/";
        }
        return path.replace("&", "%26");
    }

    /** Strips a base path only on a segment boundary: "/wiki" is stripped from "/wiki/x", not from "/wikis". */
    private static String stripPrefix(String path, String basePath) {
        if (basePath == null || basePath.isEmpty() || basePath.equals("/")) {
            return path;
        }
        String prefix = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
        if (path.equals(prefix)) {
            return "";
        }
        return path.startsWith(prefix + "/") ? path.substring(prefix.length()) : path;
    }
}
