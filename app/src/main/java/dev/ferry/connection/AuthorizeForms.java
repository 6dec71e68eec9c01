package dev.ferry.connection;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.stereotype.Component;

/**
 * Lets a console page's form lead to Atlassian's authorization server: "Connect with Atlassian" and "Reconnect"
 * post to Ferry, whose answer redirects there, and Chromium checks {@code form-action} on every redirect after a
 * post. Otherwise the console's policy (dev.ferry.account.SecurityConfig) stands.
 */
@Component
public class AuthorizeForms {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self' %s; frame-ancestors 'none'";

    private final OAuthProperties properties;

    AuthorizeForms(OAuthProperties properties) {
        this.properties = properties;
    }

    /** Set before the page is written; Spring Security's header writer keeps a policy the page already has. */
    public void allow(HttpServletResponse response) {
        URI auth = properties.authUrl();
        String origin = auth.getScheme() + "://" + auth.getRawAuthority();
        response.setHeader("Content-Security-Policy", CSP.formatted(origin));
    }
}
