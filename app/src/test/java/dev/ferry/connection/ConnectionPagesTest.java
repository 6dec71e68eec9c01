package dev.ferry.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.account.People;
import dev.ferry.principal.Role;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.site.TestSites;
import dev.ferry.sitelink.SiteLinking;
import dev.ferry.support.ConsoleClient;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Organizations;
import dev.ferry.support.Organizations.Org;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The console's connections pages over HTTP against a simulated site: Admins and Managers add, edit and delete
 * an API-token connection; a refused form keeps what was typed but never the token; a Member is refused the
 * pages (a 403 page) and their posts.
 */
@FerryIntegrationTest
class ConnectionPagesTest {

    static final String PAGE = "/admin/connections";
    static final String EMAIL = "Dana@acme.example";
    static final String TOKEN = "ATATT3xFfGF0-console-page-token";

    @AutoClose
    static JiraSimulator jira = JiraSimulator.start();

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
    ConnectionStore store;
    @Autowired
    dev.ferry.sitelink.SiteLinks siteLinks;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    Org acme;
    ConsoleClient manager;

    @BeforeEach
    void setUp() {
        jira.reset();
        jira.data().accounts().add("557058:dana", EMAIL, "Dana Scully");
        jira.credentials().addApiToken(EMAIL, TOKEN);
        acme = organizations.create("Acme");
        manager = ConsoleClient.signIn(port, people.create(acme.id(), Role.MANAGER));
    }

    @Test
    void aManagerAddsAnApiTokenConnectionAndIsToldWhatFerryNoticed() {
        var added = add(manager, jira.baseUrl() + "/browse/FERRY-1", EMAIL, "  " + TOKEN + " ", "FERRY");

        assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
        String id = connectionId();
        assertThat(added.headers().firstValue("Location").orElseThrow()).endsWith(PAGE + "/" + id);
        String details = manager.get(PAGE + "/" + id).body();
        assertThat(details).contains("data-testid=\"flash\"").contains("Connected " + jira.baseUrl() + " as Dana Scully.")
                .contains("reduced to " + jira.baseUrl()).contains("classic")
                .contains("Dana@acme.example (Dana Scully)").contains("the site itself").contains("FERRY")
                .contains("data-testid=\"test-connection\"").contains("action=\"" + PAGE + "/" + id + "/test\"")
                .contains("Replace the API token").doesNotContain(TOKEN);
        String list = manager.get(PAGE).body();
        assertThat(list).contains("data-connection=\"" + id + "\"").contains("data-kind=\"api_token\"")
                .contains("data-health=\"ok\"").contains(">API token<").contains(host()).doesNotContain(TOKEN);
        assertThat(jdbc.queryForObject("select actor from audit_record where action = 'CONNECTION_ADDED'", String.class))
                .startsWith("user:manager-");
    }

    @Test
    void refusedFieldsAreSaidUnderEachFieldAndTheTypedOnesStayButNeverTheToken() {
        var refused = manager.post(PAGE, "siteUrl", jira.baseUrl(), "email", "dana-at-acme", "token", " ",
                "route", "gateway", "defaultProject", "lowercase", "tokenExpiresOn", "", "confluenceUrl", "",
                "confluenceEmail", "wiki-at-acme", "confluenceToken", "");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("data-testid=\"error-email\"").contains("data-testid=\"error-token\"")
                .contains("data-testid=\"error-defaultProject\"").doesNotContain("data-testid=\"error-siteUrl\"")
                .contains("value=\"dana-at-acme\"").contains("value=\"" + jira.baseUrl() + "\"")
                .contains("value=\"lowercase\"").contains("<option value=\"gateway\" selected>")
                .contains("aria-invalid=\"true\"").contains("paste it again")
                .contains("data-testid=\"error-confluenceEmail\"").contains("value=\"wiki-at-acme\"")
                .contains("data-testid=\"confluence\" open");
        assertThat(count("jira_connection")).isZero();
    }

    @Test
    void aTokenJiraRejectsIsSaidInThePersonsWordsWithTheFieldsKept() {
        // On the site only: this context has no gateway to try next (api.atlassian.com is not the simulator here).
        var refused = manager.post(PAGE, "siteUrl", jira.baseUrl(), "email", EMAIL.toLowerCase(), "token", TOKEN,
                "route", "site", "defaultProject", "OPS");

        assertThat(refused.statusCode()).isEqualTo(502);
        assertThat(refused.body()).contains("data-testid=\"form-error\"").contains("case-sensitive")
                .contains("value=\"" + EMAIL.toLowerCase() + "\"").contains("value=\"OPS\"")
                .contains("<option value=\"site\" selected>").doesNotContain(TOKEN);
        assertThat(count("jira_connection")).isZero();
    }

    @Test
    void anEditWithAnEmptyTokenKeepsItAndANewTokenIsTriedBeforeItIsKept() {
        add(manager, jira.baseUrl(), EMAIL, TOKEN, "FERRY");
        String id = connectionId();
        String newToken = "ATATT3xFfGF0-console-page-token-2";

        var kept = edit(id, EMAIL, "", "OPS");
        var wrong = edit(id, EMAIL, "ATATT3xFfGF0-not-a-token", "OPS");
        jira.credentials().addApiToken(EMAIL, newToken);
        var replaced = edit(id, EMAIL, newToken, "OPS");

        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(303);
        assertThat(wrong.statusCode()).isEqualTo(502);
        assertThat(wrong.body()).contains("data-testid=\"form-error\"").doesNotContain("ATATT3xFfGF0-not-a-token");
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(303);
        assertThat(manager.get(PAGE + "/" + id).body()).contains("Jira accepted the new token")
                .doesNotContain(newToken).doesNotContain(TOKEN);
        assertThat(store.token(id)).contains(newToken);
        assertThat(jdbc.queryForList("select detail from audit_record where action in ('CONNECTION_EDITED',"
                + " 'CONNECTION_TOKEN_REPLACED') order by id", String.class))
                .containsExactly("default project", "token replaced");
    }

    @Test
    void aTokenAboutToExpireIsWarnedAboutAboveTheListOnItsRowAndOnItsPage() {
        String soon = today().plusDays(5).toString();
        manager.post(PAGE, "siteUrl", jira.baseUrl(), "email", EMAIL, "token", TOKEN, "route", "auto",
                "tokenExpiresOn", soon);
        String id = connectionId();

        assertThat(manager.get(PAGE).body()).contains("data-testid=\"expiry-warning\"")
                .contains("data-testid=\"row-expiry-warning\"").contains("The API token expires on " + soon);
        assertThat(manager.get(PAGE + "/" + id).body()).contains("data-testid=\"expiry-warning\"")
                .contains("value=\"" + soon + "\"");
    }

    @Test
    void aMemberIsRefusedTheConnectionPagesAndMayNotPost() {
        add(manager, jira.baseUrl(), EMAIL, TOKEN, "FERRY");
        String id = connectionId();
        var member = ConsoleClient.signIn(port, people.create(acme.id(), Role.MEMBER));

        var list = member.get(PAGE);
        var details = member.get(PAGE + "/" + id);

        assertThat(list.statusCode()).isEqualTo(403);
        assertThat(details.statusCode()).isEqualTo(403);
        assertThat(list.body() + details.body()).doesNotContain(EMAIL).doesNotContain("Dana Scully")
                .doesNotContain(host()).contains("only Admins and Managers see them");
        assertThat(member.post(PAGE, "siteUrl", jira.baseUrl(), "email", EMAIL, "token", TOKEN).statusCode())
                .isEqualTo(403);
        assertThat(member.post(PAGE + "/" + id + "/delete").statusCode()).isEqualTo(403);
        assertThat(count("jira_connection")).isEqualTo(1);
    }

    @Test
    void anAdminSeesTheFormsAndWithoutOAuthSettingsTheButtonIsOffNamingThem() {
        var admin = ConsoleClient.signIn(port, people.create(acme.id(), Role.ADMIN));

        String page = admin.get(PAGE).body();

        assertThat(page).contains("data-testid=\"no-connections\"").contains("Add API-token connection")
                .contains("type=\"password\"").contains("autocomplete=\"off\"").contains("<details")
                .contains("disabled aria-describedby=\"oauth-missing\"").contains("FERRY_OAUTH_CLIENT_ID")
                .contains("FERRY_OAUTH_CLIENT_SECRET").contains("FERRY_OAUTH_REDIRECT_URI")
                .contains("data-nav=\"connections\" aria-current=\"page\"");
    }

    @Test
    void anInstalledSiteIsListedBesideTheTokenConnectionsAndDisconnectedFromItsDeletePage() {
        sites.install("page-site", "page-site-shared-secret-long-enough-000001");
        linking.link(acme.id(), "page-site");

        String list = manager.get(PAGE).body();
        var confirm = manager.get(PAGE + "/page-site/delete");
        var disconnected = manager.post(PAGE + "/page-site/delete");

        assertThat(list).contains("data-kind=\"app_install\"").contains(">App install<");
        assertThat(confirm.body()).contains("Disconnect ").contains("No destination files tickets")
                .contains("No delivery is waiting");
        assertThat(disconnected.statusCode()).isEqualTo(303);
        assertThat(count("site_link")).isZero();
    }

    @Test
    void deletingSaysWhatStopsFirstThenErasesTheConnection() {
        add(manager, jira.baseUrl(), EMAIL, TOKEN, "FERRY");
        String id = connectionId();

        var confirm = manager.get(PAGE + "/" + id + "/delete");
        var deleted = manager.post(PAGE + "/" + id + "/delete");

        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Delete " + host() + "?").contains("No destination files tickets")
                .contains("data-testid=\"confirm-delete\"");
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(manager.get(PAGE).body()).contains("Deleted the connection to " + jira.baseUrl())
                .contains("data-testid=\"no-connections\"");
        assertThat(count("jira_connection")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_record where action = 'CONNECTION_DELETED'",
                Long.class)).isEqualTo(1);
        assertThat(manager.get(PAGE + "/" + id).statusCode()).isEqualTo(404);
        assertThat(manager.get(PAGE + "/" + id + "/delete").statusCode()).isEqualTo(404);
    }

    @Test
    void anOAuthConnectionWhoseGrantWasRevokedAsksForAReconnect() {
        Instant now = clock.instant();
        jdbc.update("insert into oauth_grant (id, organization_id, scopes, access_key_id, access_ciphertext,"
                + " access_expires_at, generation, broken_at, broken_reason, picked, created_by, created_at)"
                + " values ('grant-1', ?, 'offline_access', 'k', 'x', ?, 1, ?, 'invalid_grant', true, 'user:x', ?)",
                acme.id(), java.sql.Timestamp.from(now), java.sql.Timestamp.from(now), java.sql.Timestamp.from(now));
        String id = "oauth-console-page";
        store.insert(new TokenConnection(id, 0, acme.id(), ConnectionKind.OAUTH, java.net.URI.create(jira.baseUrl()),
                jira.cloudId(), ApiRoute.GATEWAY, null, null, null, null, false, "grant-1", null, "557058:dana",
                "Dana Scully", now, "user:x", now), null, null);
        siteLinks.linkConnection(id, acme.id(), "user:x", now);

        String list = manager.get(PAGE).body();
        String details = manager.get(PAGE + "/" + id).body();

        assertThat(list).contains("data-health=\"reconnect_needed\"").contains("Reconnect needed");
        assertThat(details).contains("data-testid=\"reconnect-needed\"").contains("invalid_grant")
                .contains("data-testid=\"reconnect\"").doesNotContain("data-testid=\"edit-connection\"");
    }

    private HttpResponse<String> add(ConsoleClient console, String siteUrl, String email, String token, String project) {
        return console.post(PAGE, "siteUrl", siteUrl, "email", email, "token", token, "route", "auto",
                "tokenExpiresOn", "", "defaultProject", project, "confluenceUrl", "", "confluenceEmail", "",
                "confluenceToken", "");
    }

    private HttpResponse<String> edit(String id, String email, String token, String project) {
        return manager.post(PAGE + "/" + id, "email", email, "token", token, "tokenExpiresOn", "",
                "defaultProject", project, "confluenceUrl", "", "confluenceEmail", "", "confluenceToken", "");
    }

    private String connectionId() {
        return jdbc.queryForObject("select id from jira_connection", String.class);
    }

    private String host() {
        return java.net.URI.create(jira.baseUrl()).getAuthority();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
