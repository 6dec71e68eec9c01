package dev.ferry.connection;

import dev.ferry.connection.ConnectionView.Health;
import dev.ferry.refusal.Refusal;
import dev.ferry.sitelink.LinkedSite;
import dev.ferry.sitelink.LinkedSites;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** An organization's connections of every kind in one list, each with its health, as the API and console show them. */
@Service
public class Connections {

    private final LinkedSites linked;
    private final ConnectionStore store;
    private final OAuthGrants grants;
    private final ConnectionProperties properties;
    private final Clock clock;

    Connections(LinkedSites linked, ConnectionStore store, OAuthGrants grants, ConnectionProperties properties,
            Clock clock) {
        this.linked = linked;
        this.store = store;
        this.grants = grants;
        this.properties = properties;
        this.clock = clock;
    }

    /** Two queries however many connections there are: the links, and the organization's stored connections. */
    public List<ConnectionView> of(String organizationId) {
        Map<String, TokenConnection> stored = store.listOf(organizationId).stream()
                .collect(Collectors.toMap(TokenConnection::id, c -> c));
        return linked.of(organizationId).stream()
                .map(site -> view(site, Optional.ofNullable(stored.get(site.clientKey())))).flatMap(Optional::stream)
                .toList();
    }

    public ConnectionView find(String organizationId, String id) {
        return linked.find(organizationId, id)
                .flatMap(site -> view(site, store.find(id).filter(c -> c.organizationId().equals(organizationId))))
                .orElseThrow(() -> Refusal.notFound("no connection " + id + " in this organization"));
    }

    /** The stored API-token or OAuth connection behind an id of this organization. */
    TokenConnection stored(String organizationId, String id) {
        return store.of(organizationId, id);
    }

    /** @param stored the organization's API-token or OAuth connection under the site's key, if it is one */
    private Optional<ConnectionView> view(LinkedSite site, Optional<TokenConnection> stored) {
        if (site.installed()) {
            return Optional.of(install(site));
        }
        return stored.map(c -> token(c, site));
    }

    private static ConnectionView install(LinkedSite site) {
        Health health = "uninstalled".equals(site.state())
                ? new Health("uninstalled", "Ferry was uninstalled from the site: install it again from the Jira sites page.")
                : "rejected".equals(site.credentials().state())
                ? new Health("credentials_rejected", "Jira rejected the app's credentials (" + site.credentials().message()
                        + "): deliveries wait until the app is installed again.")
                : Health.OK;
        String url = site.displayUrl() != null && !site.displayUrl().isBlank() ? site.displayUrl() : site.baseUrl();
        return new ConnectionView(site.clientKey(), ConnectionKind.APP_INSTALL.value(), host(url), url, health, "site",
                null, null, null, null, null, null, null, site.installedAt(), site.linkedBy(), site.updatedAt(),
                List.of());
    }

    private ConnectionView token(TokenConnection c, LinkedSite site) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String warning = expiryWarning(c.tokenExpiresOn(), today);
        ConnectionView.Confluence confluence = c.kind() == ConnectionKind.OAUTH ? null : new ConnectionView.Confluence(
                (c.confluenceUrl() != null ? c.confluenceUrl() : URI.create(c.siteUrl() + "/wiki")).toString(),
                c.confluenceEmail() != null ? c.confluenceEmail() : c.email(), c.separateConfluenceToken());
        return new ConnectionView(c.id(), c.kind().value(), host(c.siteUrl().toString()), c.siteUrl().toString(),
                health(c, site, today), c.route().value(), c.cloudId(), c.email(),
                new ConnectionView.Account(c.accountId(), c.accountName()), c.tokenExpiresOn(), warning, confluence,
                c.defaultProject(), c.createdAt(), c.createdBy(), c.updatedAt(), List.of());
    }

    private Health health(TokenConnection c, LinkedSite site, LocalDate today) {
        if (c.kind() == ConnectionKind.OAUTH) {
            Optional<String> broken = grants.brokenReason(c.oauthGrantId());
            if (broken.isPresent()) {
                return new Health("reconnect_needed", FailureWords.grantLost(broken.get()));
            }
        }
        if ("rejected".equals(site.credentials().state())) {
            return c.kind() == ConnectionKind.OAUTH
                    ? new Health("reconnect_needed", FailureWords.grantLost("Jira answered 401"))
                    : new Health("credentials_rejected", "Jira rejected the API token (" + site.credentials().message()
                            + "): replace the token; deliveries wait until then.");
        }
        if (c.tokenExpiresOn() != null && c.tokenExpiresOn().isBefore(today)) {
            return new Health("token_expired", "The API token expired on " + c.tokenExpiresOn()
                    + ": create a new one at id.atlassian.com and replace it here.");
        }
        return Health.OK;
    }

    /** Said from {@code ferry.connections.expiry-warning} before the token's last day on, until it is replaced. */
    String expiryWarning(LocalDate expiresOn, LocalDate today) {
        if (expiresOn == null || expiresOn.isBefore(today)) {
            return null;
        }
        long days = ChronoUnit.DAYS.between(today, expiresOn);
        if (days > properties.expiryWarning().toDays()) {
            return null;
        }
        return "The API token expires on " + expiresOn + (days == 0 ? " (today)" : " (in " + days + (days == 1 ? " day)" : " days)"))
                + ": create a new one at id.atlassian.com → Security → API tokens and replace it here.";
    }

    private static String host(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getHost() == null ? url : uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException notAUri) {
            return url;
        }
    }
}
