package dev.ferry.auditsink;

import dev.ferry.refusal.BodyChecks;
import dev.ferry.url.BlockedAddressException;
import dev.ferry.url.OutboundGuard;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Reads what a person or program gave for a sink, field by field, refusing every bad field at once (each named by
 * its JSON Pointer) before anything is stored. The URL passes the one outbound guard, as a callback URL does.
 */
@Component
class SinkInput {

    static final int MAX_URL = 2048;
    static final int MAX_BATCH = 5000;
    static final int MAX_HEADERS = 20;
    static final int MAX_VALUE = 4096;
    /** The sealed object must fit its column (8,000 characters of base64 with the nonce and tag). */
    static final int MAX_HEADERS_TEXT = 5500;
    /** The names are kept in clear, comma-separated, to show. */
    static final int MAX_NAMES = 1024;

    /** RFC 7230's token: the characters a header name may have. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** Ferry writes these itself, or the HTTP client does: a sink may not change how the body is framed or typed. */
    private static final List<String> REFUSED = List.of("Host", "Content-Length", "Content-Type", "Connection",
            "Expect", "Upgrade", "Transfer-Encoding");

    private final OutboundGuard guard;

    SinkInput(OutboundGuard guard) {
        this.guard = guard;
    }

    /** The URL, a headers map checked whole, a batch size in 1..5000: each refused with its own pointer. */
    void check(BodyChecks checks, String url, Map<String, String> headers, Integer batchSize) {
        checks.require(batchSize == null || batchSize >= 1 && batchSize <= MAX_BATCH, "/batchSize",
                "batchSize must be between 1 and " + MAX_BATCH + ", not " + batchSize);
        if (headers != null) {
            headers(checks, headers);
        }
        String problem = urlProblem(url); // last: it may ask DNS
        checks.require(problem == null, "/url", problem);
    }

    private static void headers(BodyChecks checks, Map<String, String> headers) {
        checks.require(headers.size() <= MAX_HEADERS, "/headers", "headers may name at most " + MAX_HEADERS + " headers");
        int length = 0;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = header.getKey();
            String value = header.getValue() == null ? "" : header.getValue();
            String pointer = "/headers/" + name.replace("~", "~0").replace("/", "~1");
            length += name.length() + value.length() + 6;
            if (!checks.require(TOKEN.matcher(name).matches(), pointer, "header name \"" + printable(name)
                    + "\" is not a valid HTTP header name (letters, digits and !#$%&'*+-.^_`|~ only)")) {
                continue;
            }
            checks.require(REFUSED.stream().noneMatch(name::equalsIgnoreCase), pointer, "header " + name
                    + " is set by Ferry itself and may not be given (" + String.join(", ", REFUSED) + ")");
            checks.require(value.chars().noneMatch(c -> c == '\r' || c == '\n' || c == 0), pointer,
                    "header " + name + "'s value may not contain a line break or NUL");
            checks.require(value.length() <= MAX_VALUE, pointer, "header " + name + "'s value is longer than "
                    + MAX_VALUE + " characters");
        }
        checks.require(String.join(",", headers.keySet()).length() <= MAX_NAMES, "/headers",
                "the header names are longer than " + MAX_NAMES + " characters in all");
        checks.require(length <= MAX_HEADERS_TEXT, "/headers", "headers are longer than " + MAX_HEADERS_TEXT
                + " characters in all");
    }

    /** Why Ferry will not post to {@code typed}, or null when it may. */
    private String urlProblem(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return "url is required: the https address of the SIEM's HTTP collector";
        }
        if (text.length() > MAX_URL) {
            return "url is longer than " + MAX_URL + " characters";
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return "url is not a URL: write it as https://siem.example.com:8088/services/collector/raw";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            return "url must be an https URL such as https://siem.example.com:8088/services/collector/raw";
        }
        if (uri.getRawUserInfo() != null) {
            return "url may not carry a user name or password: send credentials in a header (Authorization)";
        }
        if (uri.getRawFragment() != null) {
            return "url may not have a #fragment";
        }
        try {
            guard.checkCallback(uri);
            return null;
        } catch (BlockedAddressException e) {
            return "url refused: " + e.getMessage();
        }
    }

    private static String printable(String name) {
        return name.replaceAll("\\p{Cntrl}", "?");
    }
}
