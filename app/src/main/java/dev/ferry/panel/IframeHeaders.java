package dev.ferry.panel;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;

/**
 * Headers for a page Jira frames: only the site itself and Atlassian's domains may frame it, scripts come
 * only from Ferry and Atlassian's iframe bridge (never inline, so markup that slipped through escaping runs
 * nothing), and a page that shows one person's data is never cached.
 */
final class IframeHeaders {

    private IframeHeaders() {
    }

    /** @param allJsUrl Atlassian's iframe script the page loads, or null */
    static HttpHeaders forSite(String siteBaseUrl, String allJsUrl) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Content-Security-Policy", "frame-ancestors " + origin(siteBaseUrl)
                + " https://*.atlassian.net https://*.jira.com https://*.atlassian.com; script-src 'self'"
                + (allJsUrl == null ? "" : " " + origin(allJsUrl)) + "; object-src 'none'; base-uri 'self'");
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
