package dev.ferry.oauth;

import dev.ferry.connection.ConnectionKind;
import dev.ferry.connection.Connections;
import dev.ferry.connection.AuthorizeForms;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import org.springframework.stereotype.Component;

/** Builds the "Connect with Atlassian" page from the organization's connections and the settings. */
@Component
class OAuthPages {

    private final Connections connections;
    private final OAuthConnections oauth;
    private final AuthorizeForms forms;

    OAuthPages(Connections connections, OAuthConnections oauth, AuthorizeForms forms) {
        this.connections = connections;
        this.oauth = oauth;
        this.forms = forms;
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

    /** The start form on this page leads to Atlassian's authorization server. */
    void allowFormToAtlassian(HttpServletResponse response) {
        forms.allow(response);
    }
}
