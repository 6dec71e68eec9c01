package dev.ferry.url;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * One entry of {@code ferry.outbound.allowed-hosts}: a host, with a port or without (any port).
 *
 * @param host lower-case, IPv6 literals in brackets as {@link URI#getHost()} gives them
 * @param port the only port allowed, or -1 for any
 */
record AllowedHost(String host, int port) {

    /** Reads {@code host}, {@code host:port} or {@code [v6]:port}; a mistyped entry stops start-up. */
    static AllowedHost parse(String entry) {
        String trimmed = entry == null ? "" : entry.trim();
        try {
            URI parsed = new URI("//" + trimmed);
            if (parsed.getHost() == null || parsed.getUserInfo() != null || !parsed.getRawPath().isEmpty()
                    || parsed.getRawQuery() != null || parsed.getRawFragment() != null) {
                throw new IllegalArgumentException(refusal(trimmed));
            }
            return new AllowedHost(parsed.getHost().toLowerCase(Locale.ROOT), parsed.getPort());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(refusal(trimmed), e);
        }
    }

    boolean matches(String host, int effectivePort) {
        return this.host.equals(host) && (port == -1 || port == effectivePort);
    }

    private static String refusal(String entry) {
        return "ferry.outbound.allowed-hosts: '" + entry + "' is not a host or host:port (like 127.0.0.1:8080)";
    }
}
