package dev.ferry.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.account.People;
import dev.ferry.principal.Role;
import dev.ferry.site.TestSites;
import dev.ferry.sitelink.SiteLinking;
import dev.ferry.support.ConsoleClient;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Organizations;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit log page names people, sites, destinations and API keys; the API keeps the raw ids. */
@FerryIntegrationTest
class AuditPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    @Autowired
    People people;
    @Autowired
    TestSites sites;
    @Autowired
    SiteLinking linking;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;

    @Test
    void recordsShowNamesInsteadOfIds() {
        Organizations.Org acme = organizations.create("Acme");
        sites.install("audit-site", "audit-site-shared-secret-long-enough-00001");
        linking.link(acme.id(), "audit-site");
        String destination = destination(acme.id(), "audit-site");
        Organizations.Org bot = organizations.key(acme.id());
        audit.record(acme.id(), "user:ada@example.com", AuditAction.TEMPLATES_UPDATED,
                "destination " + destination + " / experiment.guardrail_breached", "Files tickets: \"yes\" → \"no\"");
        audit.record(acme.id(), "api-key:" + bot.keyId(), AuditAction.LINK_REMOVED, "FERRY-7", "experiment exp-1");
        var console = ConsoleClient.signIn(port, people.create(acme.id(), Role.ADMIN));

        String page = console.get("/admin/audit").body();

        assertThat(page).contains("<td data-label=\"Who\">ada@example.com</td>")
                .contains("FERRY on auditsite.atlassian.net / experiment.guardrail_breached")
                .contains("Files tickets: &quot;yes&quot; → &quot;no&quot;")
                .contains("<td data-label=\"Who\">test-admin</td>").contains("<td data-label=\"What\">auditsite.atlassian.net</td>")
                .contains("API key “test key”").contains("Templates updated").contains("Site connected")
                .doesNotContain("user:").doesNotContain(destination).doesNotContain(bot.keyId())
                .doesNotContain(">audit-site<");
        assertThat(jdbc.sql("select count(*) from audit_record where actor = 'user:ada@example.com'").query(Long.class)
                .single()).as("the record itself is unchanged").isEqualTo(1);
    }

    private String destination(String organizationId, String clientKey) {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into destination (id, version, organization_id, client_key, project_key, state, created_at, updated_at)
                values (?, 1, ?, ?, 'FERRY', 'ACTIVE', ?, ?)""").params(id, organizationId, clientKey, now, now).update();
        return id;
    }
}
