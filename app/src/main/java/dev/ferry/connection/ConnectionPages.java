package dev.ferry.connection;

import dev.ferry.console.Shown;
import dev.ferry.principal.Person;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Prepares the console's connection pages from the organization's connections, as much as the person may see. */
@Component
class ConnectionPages {

    private final Connections connections;
    private final OAuthProperties oauth;

    ConnectionPages(Connections connections, OAuthProperties oauth) {
        this.connections = connections;
        this.oauth = oauth;
    }

    ConnectionsPage list(Person person, ConnectionForm form) {
        List<ConnectionView> all = connections.of(person.organizationId());
        List<ConnectionsPage.Warning> warnings = all.stream().filter(c -> c.expiryWarning() != null)
                .map(c -> new ConnectionsPage.Warning(c.id(), c.name(), c.expiryWarning())).toList();
        return new ConnectionsPage(person.canManage(), all.stream().map(c -> row(c, person.canManage())).toList(),
                warnings, form, OAuthOption.of(oauth, ConnectionPagesController.OAUTH_START));
    }

    /** The page of one connection; {@code form} null: the stored values (an edit not refused). */
    ConnectionPage one(Person person, String id, ConnectionForm form) {
        ConnectionView view = connections.find(person.organizationId(), id);
        boolean manage = person.canManage();
        boolean apiToken = ConnectionKind.API_TOKEN.value().equals(view.kind());
        boolean install = ConnectionKind.APP_INSTALL.value().equals(view.kind());
        boolean separate = view.confluence() != null && view.confluence().separateToken();
        ConnectionForm edit = !manage || !apiToken ? null
                : form != null ? form : ConnectionForm.of(connections.stored(person.organizationId(), id));
        OAuthOption reconnect = manage && ConnectionKind.OAUTH.value().equals(view.kind())
                ? OAuthOption.of(oauth, ConnectionPagesController.OAUTH_START) : null;
        String base = ConnectionPagesController.PATH + "/" + id;
        return new ConnectionPage(manage, row(view, manage), manage ? facts(view) : List.of(), install,
                "reconnect_needed".equals(view.health().state()), edit, separate, reconnect, base + "/test",
                base + "/delete", install ? "Disconnect" : "Delete");
    }

    static ConnectionsPage.Row row(ConnectionView c, boolean canManage) {
        String account = !canManage || c.account() == null ? ""
                : join(c.email(), c.account().displayName());
        return new ConnectionsPage.Row(c.id(), c.name(), c.siteUrl(), kind(c.kind()), c.kind(),
                health(c.health().state(), c.kind()), c.health().state(), c.health().ok(), c.health().message(),
                c.expiryWarning(), account, canManage && !install(c) ? route(c.route()) : "");
    }

    private static List<ConnectionPage.Fact> facts(ConnectionView c) {
        List<ConnectionPage.Fact> facts = new ArrayList<>();
        add(facts, "Calls Jira as", c.account() == null ? null : join(c.email(), c.account().displayName()));
        add(facts, "Calls go to", install(c) ? null : route(c.route()));
        add(facts, "Cloud ID", c.cloudId());
        add(facts, "Token expires on", c.tokenExpiresOn() == null ? null : c.tokenExpiresOn().toString());
        add(facts, "Default project", c.defaultProject());
        if (c.confluence() != null) {
            add(facts, "Confluence", c.confluence().url() + " as " + c.confluence().email() + ", with "
                    + (c.confluence().separateToken() ? "its own token" : "the Jira token"));
        }
        add(facts, "Added", Shown.time(c.createdAt()) + (c.createdBy() == null ? "" : " by " + Shown.who(c.createdBy())));
        add(facts, "Changed", Shown.time(c.updatedAt()));
        return facts;
    }

    private static boolean install(ConnectionView c) {
        return ConnectionKind.APP_INSTALL.value().equals(c.kind());
    }

    static String kind(String kind) {
        return switch (kind) {
            case "app_install" -> "App install";
            case "api_token" -> "API token";
            case "oauth" -> "OAuth 2.0 (Connect with Atlassian)";
            default -> kind;
        };
    }

    static String health(String state, String kind) {
        return switch (state) {
            case "ok" -> "OK";
            case "credentials_rejected" -> "api_token".equals(kind) ? "Jira rejected the token"
                    : "Jira rejected the credentials";
            case "reconnect_needed" -> "Reconnect needed";
            case "token_expired" -> "Token expired";
            case "uninstalled" -> "Uninstalled";
            default -> state;
        };
    }

    private static String route(String route) {
        return switch (route == null ? "" : route) {
            case "site" -> "the site itself";
            case "gateway" -> "api.atlassian.com (Atlassian's gateway)";
            default -> "";
        };
    }

    private static void add(List<ConnectionPage.Fact> facts, String label, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(new ConnectionPage.Fact(label, value));
        }
    }

    /** "dana@acme.example (Dana Scully)", or whichever of the two is known. */
    private static String join(String first, String second) {
        boolean hasFirst = first != null && !first.isBlank();
        boolean hasSecond = second != null && !second.isBlank();
        return hasFirst && hasSecond ? first + " (" + second + ")" : hasFirst ? first : hasSecond ? second : "";
    }
}
