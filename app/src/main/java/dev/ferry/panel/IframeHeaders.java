package dev.ferry.panel;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;

/**
 * Headers for a page Jira frames: only the site itself and Atlassian's domains may frame it, and a
 * page that shows one person's data is never cached.
 */
final class IframeHeaders {

    private IframeHeaders() {
    }

    static HttpHeaders forSite(String siteBaseUrl) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Content-Security-Policy", "frame-ancestors " + origin(siteBaseUrl)
                + " https://*.atlassian.net https://*.jira.com https://*.atlassian.com");
        headers.setCacheControl(CacheControl.noStore().mustRevalidate());
        headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
        headers.set("X-Content-Type-Options", "nosniff");
        return headers;
    }

    private static String origin(String url) {
        var uri = java.net.URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
