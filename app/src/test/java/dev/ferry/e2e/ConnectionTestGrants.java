package dev.ferry.e2e;

import dev.ferry.crypto.Sealed;
import dev.ferry.crypto.SecretCipher;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.sitelink.SiteLinks;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An OAuth connection as "Connect with Atlassian" leaves it (a grant with its sealed access token, the
 * connection over the gateway, its site link), written straight to the tables: these journeys test what
 * "Test connection" says of a grant, not how one is obtained.
 */
final class ConnectionTestGrants {

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final SiteLinks links;

    ConnectionTestGrants(ApplicationContext context) {
        this.jdbc = context.getBean(JdbcClient.class);
        this.cipher = context.getBean(SecretCipher.class);
        this.links = context.getBean(SiteLinks.class);
    }

    /**
     * @param brokenReason why Atlassian refused the grant's refresh token; null for a grant that still works
     * @return the connection's id
     */
    String connection(String organizationId, JiraSimulator jira, String accessToken, String brokenReason) {
        String grant = UUID.randomUUID().toString();
        String id = "oauth-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Sealed access = cipher.seal(accessToken, "oauth_grant.access:" + grant);
        jdbc.sql("""
                insert into oauth_grant (id, organization_id, account_id, scopes, access_key_id, access_ciphertext,
                    access_expires_at, generation, broken_at, broken_reason, picked, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, true, 'journey', ?)""")
                .params(grant, organizationId, ConnectionTestJourneyTest.DANA, "read:jira-work write:jira-work offline_access",
                        access.keyId(), access.ciphertext(), Timestamp.from(now.plus(1, ChronoUnit.HOURS)),
                        brokenReason == null ? null : Timestamp.from(now), brokenReason, Timestamp.from(now))
                .update();
        jdbc.sql("""
                insert into jira_connection (id, version, organization_id, kind, site_url, cloud_id, route,
                    oauth_grant_id, account_id, account_name, created_at, created_by, updated_at)
                values (?, 0, ?, 'OAUTH', ?, ?, 'GATEWAY', ?, ?, 'Dana Scully', ?, 'journey', ?)""")
                .params(id, organizationId, jira.baseUrl(), jira.cloudId(), grant, ConnectionTestJourneyTest.DANA,
                        Timestamp.from(now), Timestamp.from(now))
                .update();
        links.linkConnection(id, organizationId, "journey", now);
        return id;
    }
}
