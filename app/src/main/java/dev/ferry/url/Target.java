package dev.ferry.url;

import java.net.URI;
import java.util.Locale;

/**
 * The parts of a URL the outbound guard judges, once the URL has shown it is an http(s) address with a host and
 * no user-info.
 *
 * @param host lower-case; an IPv6 literal in brackets
 * @param port the port a connection goes to (80 or 443 when the URL names none)
 */
record Target(String host, int port, boolean https) {

    static Target of(URI uri) {
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new BlockedAddressException("Ferry calls only web addresses (https://…): " + OutboundGuard.EXPECTED);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new BlockedAddressException("The address names no host: " + OutboundGuard.EXPECTED);
        }
        if (uri.getRawUserInfo() != null) {
            // the user-info may be a password: the message must not repeat it
            throw new BlockedAddressException("An address may not carry a user name or password (user@host)");
        }
        return new Target(uri.getHost().toLowerCase(Locale.ROOT), effectivePort(uri), scheme.equals("https"));
    }

    static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
    }
}
