package dev.ferry.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.util.UrlUtils;

/**
 * The admin UI's redirects as paths on this server: a {@code Location} never names a host, so a forged
 * {@code Host} or {@code X-Forwarded-Host} cannot send a person elsewhere. Set headers, not
 * {@code sendRedirect}, which servlet containers turn into absolute URLs built from the request's host.
 */
final class RelativeRedirects implements RedirectStrategy {

    static final String HOME = "/admin";

    @Override
    public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url) {
        send(request, response, url);
    }

    /** 302 to {@code url}: a path under the context path, or an absolute URL of which only path and query are kept. */
    static void send(HttpServletRequest request, HttpServletResponse response, String url) {
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader(HttpHeaders.LOCATION, response.encodeRedirectURL(path(request, url)));
    }

    static String path(HttpServletRequest request, String url) {
        String path = UrlUtils.isAbsoluteUrl(url) ? pathOf(url) : request.getContextPath() + url;
        // "//host/x" and "/\host" are read by browsers as another host.
        boolean local = path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\");
        return local ? path : request.getContextPath() + HOME;
    }

    private static String pathOf(String url) {
        try {
            URI uri = URI.create(url);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException unreadable) {
            return "";
        }
    }
}
