package dev.ferry.connection;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import org.springframework.stereotype.Component;

/** Builds the "Connect with Atlassian" page from the organization's connections and the settings. */
@Component
class OAuthPages {

    /**
     * The console's policy (dev.ferry.account.SecurityConfig), except that a form may lead to Atlassian's
     * authorization server: Chromium checks {@code form-action} on every redirect after a post, and the start
     * form's answer is a redirect there.
     */
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self' %s; frame-ancestors 'none'";

    private final Connections connections;
    private final OAuthConnections oauth;
    private final OAuthProperties properties;

    OAuthPages(Connections connections, OAuthConnections oauth, OAuthProperties properties) {
        this.connections = connections;
        this.oauth = oauth;
        this.properties = properties;
    }

    OAuthPage page(String organizationId, String reconnectId) {
        List<OAuthPage.Row> rows = connections.of(organizationId).stream()
                .filter(c -> ConnectionKind.OAUTH.value().equals(c.kind()))
                .map(c -> new OAuthPage.Row(c.id(), c.siteUrl(), c.account() == null ? null : c.account().displayName(),
                        c.health().state(), c.health().message(), "reconnect_needed".equals(c.health().state())))
                .toList();
        OAuthPage.Reconnect reconnect = reconnectId == null || reconnectId.isBlank() ? null
                : rows.stream().filter(r -> r.id().equals(reconnectId)).findFirst()
                        .map(r -> new OAuthPage.Reconnect(r.id(), r.siteUrl()))
                        .orElseThrow(() -> dev.ferry.refusal.Refusal.notFound("no OAuth connection " + reconnectId
                                + " in this organization"));
        return new OAuthPage(oauth.notConfigured(), reconnect, rows, rows.isEmpty());
    }

    /** Set before the page is written; Spring Security's header writer keeps a policy the page already has. */
    void allowFormToAtlassian(HttpServletResponse response) {
        URI auth = properties.authUrl();
        String origin = auth.getScheme() + "://" + auth.getRawAuthority();
        response.setHeader("Content-Security-Policy", CSP.formatted(origin));
    }
}
