package dev.ferry.connectiontest;

import dev.ferry.connection.ConnectionStore;
import dev.ferry.connection.TokenConnection;
import dev.ferry.connection.ConnectionKind;
import dev.ferry.connection.FailureWords;
import dev.ferry.connection.Connections;
import dev.ferry.connection.OAuthGrants;
import dev.ferry.connection.ConnectionView;
import dev.ferry.connection.ConnectionTargets;
import dev.ferry.audit.AuditAction;
import dev.ferry.audit.AuditLog;
import dev.ferry.connectiontest.ConnectionTestReport.Account;
import dev.ferry.connectiontest.ConnectionTestReport.Check;
import dev.ferry.jira.JiraSite;
import dev.ferry.site.SiteDirectory;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * "Test connection", for every kind: calls Jira (and Confluence) the way the connection's features will, and
 * says per check what works and, in the user's words, what does not. Each test is audited with its outcome.
 */
@Service
public class ConnectionTests {

    private static final Logger log = LoggerFactory.getLogger(ConnectionTests.class);

    private final Connections connections;
    private final ConnectionStore store;
    private final OAuthGrants grants;
    private final ConnectionTargets targets;
    private final SiteDirectory sites;
    private final ConnectionTestChecks checks;
    private final AuditLog audit;

    ConnectionTests(Connections connections, ConnectionStore store, OAuthGrants grants, ConnectionTargets targets,
            SiteDirectory sites, ConnectionTestChecks checks, AuditLog audit) {
        this.connections = connections;
        this.store = store;
        this.grants = grants;
        this.targets = targets;
        this.sites = sites;
        this.checks = checks;
        this.audit = audit;
    }

    /** Tests the organization's connection {@code id}; a refusal (404) when it has none by that id. */
    public ConnectionTestReport test(String organizationId, String actor, String id) {
        ConnectionView connection = connections.find(organizationId, id);
        ConnectionTestReport report = ConnectionKind.APP_INSTALL.value().equals(connection.kind()) ? install(id)
                : token(store.of(organizationId, id));
        audit.record(organizationId, actor, AuditAction.CONNECTION_TESTED, id, report.summary());
        log.info("connection {} tested by {}: {}", id, actor, report.summary());
        return report;
    }

    private ConnectionTestReport install(String clientKey) {
        return sites.callable(clientKey)
                .map(site -> checks.run(new ConnectionTestChecks.Target(clientKey, ConnectionKind.APP_INSTALL, site,
                        null, null)))
                .orElseGet(() -> ConnectionTestReport.of(clientKey, null, List.of(Check.failed("account",
                        "Ferry is no longer installed on the site: install it again, then test again."))));
    }

    private ConnectionTestReport token(TokenConnection c) {
        Account stored = new Account(c.accountId(), c.accountName());
        if (c.kind() == ConnectionKind.OAUTH) {
            // Atlassian already refused the grant's refresh token: every call would fail; only consent helps.
            Optional<String> broken = grants.brokenReason(c.oauthGrantId());
            if (broken.isPresent()) {
                return ConnectionTestReport.of(c.id(), stored,
                        List.of(Check.failed("authorization", FailureWords.grantLost(broken.get()))));
            }
        }
        Optional<JiraSite> jira = targets.jira(c);
        if (jira.isEmpty()) {
            return ConnectionTestReport.of(c.id(), stored, List.of(Check.failed("authorization",
                    c.kind() == ConnectionKind.OAUTH ? FailureWords.grantLost("Ferry holds no token of the grant")
                            : "Ferry holds no API token for this connection: replace the token on the connection.")));
        }
        JiraSite confluence = confluenceConfigured(c) ? targets.confluence(c).orElse(null) : null;
        return checks.run(new ConnectionTestChecks.Target(c.id(), c.kind(), jira.get(), c.defaultProject(), confluence));
    }

    /** Only when the admin set something of Confluence: a site without Confluence is no failure of Jira's. */
    private static boolean confluenceConfigured(TokenConnection c) {
        return c.kind() == ConnectionKind.API_TOKEN
                && (c.confluenceUrl() != null || c.confluenceEmail() != null || c.separateConfluenceToken());
    }
}
