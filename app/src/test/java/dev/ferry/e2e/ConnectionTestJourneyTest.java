package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.simulator.JiraSimulator;
import dev.ferry.simulator.fault.Fault;
import dev.ferry.simulator.rest.Project;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * "Test connection" over HTTP, one journey per failure a person meets: each says, in their words, what is
 * wrong and where to fix it; and an install, an API token and an OAuth grant that work pass every check.
 */
@FerryJourney
class ConnectionTestJourneyTest {

    static final String EMAIL = "Dana@acme.example";
    static final String DANA = "557058:dana";
    static final String TOKEN = "ATATT3xFfGF0-classic-token-for-connection-tests";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    ConnectionTestGrants oauthRows;

    Journey journey;
    JiraSimulator jira;
    ProductApi api;

    @BeforeEach
    void danaHasAnAccountOnTheSite(Journey journey) {
        this.journey = journey;
        oauthRows = new ConnectionTestGrants(context);
        jira = journey.jira();
        api = journey.newOrganization("Acme Quality");
        jira.data().accounts().add(DANA, EMAIL, "Dana Scully");
        jira.credentials().addApiToken(EMAIL, TOKEN);
        jira.data().grant(DANA, "ADMINISTER", true);
    }

    /** The simulated site outlives the test: Dana leaves it as a plain user, as other journeys expect her. */
    @AfterEach
    void danaIsAPlainUserAgain() {
        jira.data().grant(DANA, "CREATE_ISSUES", true);
        jira.data().grant(DANA, "ADMINISTER", false);
    }

    @Test
    void anApiTokenWithEveryPermissionPassesEveryCheckAndTheTestIsAudited() {
        String id = connection("FERRY", jira.baseUrl() + "/wiki");

        JsonNode report = test(id);

        assertThat(report.path("connection").asString()).isEqualTo(id);
        assertThat(report.path("account").path("accountId").asString()).isEqualTo(DANA);
        assertThat(report.path("account").path("displayName").asString()).isEqualTo("Dana Scully");
        assertThat(report.path("ok").asBoolean()).as(report.toString()).isTrue();
        assertThat(names(report)).containsExactly("account", "default project", "tickets", "comments", "audit records",
                "confluence");
        assertThat(check(report, "default project").path("message").asString()).contains("FERRY takes").contains("Task");
        assertThat(check(report, "confluence").path("message").asString()).contains(jira.baseUrl() + "/wiki");
        assertThat(report.toString()).doesNotContain(TOKEN);
        assertThat(journey.answered("GET", "/rest/api/3/mypermissions")).isEqualTo(1);
        JsonNode audit = api.get("/api/v1/audit?action=CONNECTION_TESTED").json();
        assertThat(audit.toString()).contains(id).contains("ok: account").doesNotContain(TOKEN);
    }

    @Test
    void anInstalledAppPassesEveryCheckAsItsBotUser() {
        Journey.LinkedSite linked = journey.linkedSite();
        String bot = jira.data().accounts().app(jira.credentials().appKey().orElseThrow()).accountId();
        jira.data().grant(bot, "ADMINISTER", true);

        JsonNode report = testWith(linked.api(), linked.clientKey());

        assertThat(report.path("ok").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.path("account").path("accountId").asString()).isEqualTo(bot);
        assertThat(names(report)).containsExactly("account", "tickets", "comments", "audit records");
    }

    @Test
    void aRevokedTokenSaysAuthenticationFailedInThePersonsWords() {
        String id = connection(null, null);
        jira.credentials().revokeApiToken(EMAIL);

        assertUnauthorized(test(id));
    }

    @Test
    void anExpiredTokenSaysTheSame() {
        String id = connection(null, null);
        jira.credentials().addApiToken(EMAIL, TOKEN, Instant.now().minusSeconds(60));

        assertUnauthorized(test(id));
    }

    @Test
    void anEmailInTheWrongCaseIsCalledCaseSensitive() {
        String id = connection(null, null);
        jdbc.sql("update jira_connection set email = ? where id = ?").params(EMAIL.toLowerCase(), id).update();

        assertUnauthorized(test(id));
    }

    @Test
    void aMissingPermissionIsNamedWithTheFeatureItStops() {
        jira.data().grant(DANA, "CREATE_ISSUES", false);
        jira.data().grant(DANA, "ADMINISTER", false);
        String id = connection("FERRY", null);

        JsonNode report = test(id);

        assertThat(report.path("ok").asBoolean()).isFalse();
        assertThat(check(report, "tickets").path("ok").asBoolean()).isFalse();
        assertThat(check(report, "tickets").path("message").asString()).startsWith("Forbidden")
                .contains("Create issues (CREATE_ISSUES) in project FERRY").contains("cannot file tickets")
                .contains("permission scheme");
        assertThat(check(report, "comments").path("ok").asBoolean()).isTrue();
        assertThat(check(report, "audit records").path("message").asString())
                .contains("global permission Administer Jira (ADMINISTER)").contains("cannot read audit records");
        assertThat(jira.calls()).anyMatch(call -> call.path().equals("/rest/api/3/mypermissions")
                && call.query().contains("projectKey=FERRY"));
    }

    @Test
    void aUrlThatIsNoJiraSiteSaysWhatOneLooksLike() {
        String id = connection(null, null);
        jira.faults().add("GET", "/rest/api/3/myself", Fault.notFound("Not Found"), 1);

        JsonNode report = test(id);

        assertThat(failed(report, "account")).startsWith("Not found").contains("https://your-domain.atlassian.net");
        assertThat(names(report)).containsExactly("account");
    }

    @Test
    void aMissingDefaultProjectSaysWhichAndWhereToFixIt() {
        String id = connection("GONE", null);

        JsonNode report = test(id);

        assertThat(failed(report, "default project")).isEqualTo("Not found: the default project GONE does not exist or"
                + " the account cannot see it: change it on the connection or grant Browse projects.");
        assertThat(check(report, "tickets").path("ok").asBoolean()).isTrue();
        assertThat(jira.calls()).noneMatch(call -> call.path().equals("/rest/api/3/mypermissions")
                && call.query() != null && call.query().contains("projectKey"));
    }

    @Test
    void aDefaultProjectWithNothingToFileSaysWhereToAddAnIssueType() {
        jira.data().addProject("10099", "SUBS", "Sub-tasks only", List.of(new Project.IssueType("10098", "Sub-task", true)));
        try {
            String id = connection("SUBS", null);

            assertThat(failed(test(id), "default project")).contains("SUBS has no issue type Ferry can file")
                    .contains("Project settings → Issue types");
        } finally {
            jira.data().removeProject("SUBS");
        }
    }

    @Test
    void aRateLimitSaysWhenToRetry() {
        String id = connection("FERRY", null);
        jira.faults().add("GET", "/rest/api/3/myself", Fault.rateLimited(Duration.ofSeconds(90), "jira-quota-global-based"), 1);

        JsonNode report = test(id);

        assertThat(failed(report, "account")).isEqualTo("Rate limited by Atlassian: retry after 90 s.");
        assertThat(names(report)).containsExactly("account");
    }

    @Test
    void confluenceAtItsOwnUrlIsFoundAndWithoutWikiTheTestSaysSo() {
        String id = connection(null, jira.baseUrl());

        JsonNode report = test(id);

        assertThat(failed(report, "confluence")).startsWith("Not found").contains("/wiki");
        assertThat(check(report, "account").path("ok").asBoolean()).isTrue();
    }

    @Test
    void anOAuthGrantAtlassianRefusedSaysReconnectWithoutCallingJira() {
        String id = oauthRows.connection(organizationOf(api), jira, "access-token-refused-later",
                "invalid_grant: refresh token revoked");
        int before = jira.calls().size();

        JsonNode report = test(id);

        assertThat(failed(report, "authorization")).contains("invalid_grant: refresh token revoked")
                .contains("use Reconnect");
        assertThat(report.path("account").path("displayName").asString()).isEqualTo("Dana Scully");
        assertThat(jira.calls()).hasSize(before);
    }

    @Test
    void anOAuthTokenJiraNoLongerAcceptsSaysReconnect() {
        String id = oauthRows.connection(organizationOf(api), jira, "access-token-jira-forgot", null);

        assertThat(failed(test(id), "account")).contains("revoked or has expired").contains("use Reconnect");
    }

    @Test
    void aWorkingOAuthGrantPassesThroughTheGateway() {
        String access = jira.oauth().grantedAccessToken(Journey.OAUTH_CLIENT_ID, DANA,
                List.of("read:jira-work", "write:jira-work", "read:jira-user", "offline_access"));
        String id = oauthRows.connection(organizationOf(api), jira, access, null);

        JsonNode report = test(id);

        assertThat(check(report, "account").path("ok").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.path("ok").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.toString()).doesNotContain(access);
        assertThat(jira.calls()).anyMatch(call -> call.path().endsWith("/ex/jira/" + jira.cloudId() + "/rest/api/3/myself"));
    }

    @Test
    void anotherOrganizationsConnectionIsNotFound() {
        String id = connection(null, null);

        ProductApi.Reply other = journey.newOrganization("Other Corp").send("POST", "/api/v1/connections/" + id + "/test", null);

        assertThat(other.status()).isEqualTo(404);
    }

    private void assertUnauthorized(JsonNode report) {
        assertThat(report.path("ok").asBoolean()).isFalse();
        assertThat(report.path("account").isMissingNode() || report.path("account").isNull()).isTrue();
        assertThat(failed(report, "account")).startsWith("Authentication failed").contains("case-sensitive")
                .contains("copied whole").contains("revoked or expired");
        assertThat(names(report)).containsExactly("account");
    }

    /** An API-token connection for Dana with an optional default project and Confluence URL; answers its id. */
    private String connection(String project, String confluenceUrl) {
        String body = "{\"siteUrl\":\"" + jira.baseUrl() + "\",\"email\":\"" + EMAIL + "\",\"token\":\"" + TOKEN + "\""
                + (project == null ? "" : ",\"defaultProject\":\"" + project + "\"")
                + (confluenceUrl == null ? "" : ",\"confluenceUrl\":\"" + confluenceUrl + "\"") + "}";
        ProductApi.Reply added = api.post("/api/v1/connections", body);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return added.json().path("id").asString();
    }

    private JsonNode test(String id) {
        return testWith(api, id);
    }

    private static JsonNode testWith(ProductApi api, String id) {
        ProductApi.Reply tested = api.send("POST", "/api/v1/connections/" + id + "/test", null);
        assertThat(tested.status()).as(tested.body()).isEqualTo(200);
        return tested.json();
    }

    private String organizationOf(ProductApi api) {
        String id = connection(null, null);
        return jdbc.sql("select organization_id from jira_connection where id = ?").param(id).query(String.class).single();
    }

    private static List<String> names(JsonNode report) {
        return report.path("checks").valueStream().map(check -> check.path("name").asString()).toList();
    }

    private static JsonNode check(JsonNode report, String name) {
        return report.path("checks").valueStream().filter(check -> check.path("name").asString().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no check " + name + " in " + report));
    }

    private static String failed(JsonNode report, String name) {
        JsonNode check = check(report, name);
        assertThat(check.path("ok").asBoolean()).as(report.toString()).isFalse();
        assertThat(report.path("ok").asBoolean()).isFalse();
        return check.path("message").asString();
    }
}
