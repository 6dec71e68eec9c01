package dev.ferry.url;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The one test of "a link a person may follow": an absolute http(s) URL with a host. */
public final class WebUrls {

    private WebUrls() {
    }

    public static boolean isHttp(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
