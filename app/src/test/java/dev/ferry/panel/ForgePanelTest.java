package dev.ferry.panel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.link.IssueState;
import dev.ferry.link.LinkOrigin;
import dev.ferry.link.LinkedObject;
import dev.ferry.link.TicketLink;
import dev.ferry.link.TicketLinks;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.simulator.rest.Users;
import dev.ferry.site.TestSites;
import dev.ferry.sitelink.SiteLinks;
import dev.ferry.support.FakeForge;
import dev.ferry.support.ForgeRemoteTest;
import dev.ferry.support.Http;
import dev.ferry.support.Organizations;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Forge issue panel's and admin page's remote calls over HTTP, against a simulated Jira that answers the
 * permission checks: the issue is the Forge Invocation Token's and the user its principal, never a parameter; links
 * of another issue are not found; Jira decides who may change links and who may confirm a site link; unlinks are
 * audited under the user's Jira account.
 */
@ForgeRemoteTest
class ForgePanelTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String SITE = "forge-panel-site";
    static final String SECRET = "forge-panel-site-shared-secret-long-enough-01";
    static final String INSTALLATION = "ari:cloud:ecosystem::installation/forge-panel-1";

    @LocalServerPort
    int port;
    @Autowired
    TestSites sites;
    @Autowired
    TicketLinks links;
    @Autowired
    SiteLinks siteLinks;
    @Autowired
    Organizations organizations;
    @Autowired
    JdbcClient jdbc;

    JiraSimulator jira;
    String issueKey;
    String issueId;
    String otherKey;
    String otherId;

    @BeforeEach
    void aForgeInstallationOfAnInstalledSite() {
        jira = JiraSimulator.start();
        jira.credentials().install("ferry-for-jira", SECRET);
        sites.installAt(SITE, SECRET, jira.baseUrl());
        FakeForge.INSTANCE.install(INSTALLATION, SITE);
        issueKey = jira.admin().createIssue("FERRY", "Bug", "Checkout latency");
        issueId = idOf(issueKey);
        otherKey = jira.admin().createIssue("FERRY", "Task", "Another issue");
        otherId = idOf(otherKey);
    }

    @AfterEach
    void stop() {
        jira.close();
    }

    @Test
    void theLinksListedAreThoseOfTheTokensIssue() {
        TicketLink first = link(issueId, issueKey, "exp-1");
        link(issueId, issueKey, "exp-2");
        link(otherId, otherKey, "exp-other");

        var answer = call("GET", "/forge/ui/issue-links", admin());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("issueId").asString()).isEqualTo(issueId);
        assertThat(body.path("issueKey").asString()).isEqualTo(issueKey);
        assertThat(body.path("links")).hasSize(2);
        JsonNode one = body.path("links").get(0);
        assertThat(one.path("id").asLong()).isEqualTo(first.id());
        assertThat(one.path("title").asString()).isEqualTo("Experiment exp-1");
        assertThat(one.path("url").asString()).isEqualTo("https://product.example/exp-1");
        assertThat(one.path("type").asString()).isEqualTo("experiment");
        assertThat(one.path("state").asString()).isEqualTo("running");
        assertThat(one.path("origin").asString()).isEqualTo("AUTOMATIC");
        assertThat(Instant.parse(one.path("createdAt").asString())).isEqualTo(links.find(SITE, first.id()).orElseThrow()
                .createdAt());
        assertThat(one.path("issueDeleted").asBoolean()).isFalse();
        assertThat(one.path("statusName").asString()).isEqualTo("To Do");
        assertThat(one.path("statusCategory").asString()).isEqualTo("new");
        assertThat(answer.body()).doesNotContain("exp-other");
    }

    @Test
    void aLinkOfAnotherIssueIsNotFoundAndJiraIsNotAsked() {
        TicketLink there = link(otherId, otherKey, "exp-other");

        var unlink = call("POST", "/forge/ui/issue-links/" + there.id() + "/unlink", admin());
        var refresh = call("POST", "/forge/ui/issue-links/" + there.id() + "/refresh", admin());
        var guessed = call("POST", "/forge/ui/issue-links/" + (there.id() + 1000) + "/unlink", admin());

        problem(unlink, 404);
        problem(refresh, 404);
        problem(guessed, 404);
        assertThat(links.find(SITE, there.id())).isPresent();
        assertThat(jira.calls()).noneMatch(c -> c.path().equals("/rest/api/3/permissions/check"));
    }

    @Test
    void aCallNamingNoUserIsRefused() {
        TicketLink here = link(issueId, issueKey, "exp-3");
        var noUser = FakeForge.INSTANCE.fit(INSTALLATION).issue(issueId, issueKey);

        problem(call("GET", "/forge/ui/issue-links", noUser), 403);
        problem(call("POST", "/forge/ui/issue-links/" + here.id() + "/unlink", noUser), 403);
        problem(call("GET", "/forge/ui/configure", noUser), 403);
        assertThat(links.find(SITE, here.id())).isPresent();
    }

    @Test
    void refreshReadsTheStatusFromJira() {
        TicketLink here = link(issueId, issueKey, "exp-4");
        jira.admin().transition(issueKey, "In Progress");

        var answer = call("POST", "/forge/ui/issue-links/" + here.id() + "/refresh", admin());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("linkId").asLong()).isEqualTo(here.id());
        assertThat(body.path("issueKey").asString()).isEqualTo(issueKey);
        assertThat(body.path("statusName").asString()).isEqualTo("In Progress");
        assertThat(body.path("statusCategory").asString()).isEqualTo("indeterminate");
        assertThat(body.path("issueDeleted").asBoolean()).isFalse();
        assertThat(links.find(SITE, here.id()).orElseThrow().statusCategory()).isEqualTo("indeterminate");
    }

    @Test
    void anEditorUnlinksAndTheUnlinkIsAuditedUnderTheirJiraAccount() {
        TicketLink here = link(issueId, issueKey, "exp-5");
        TicketLink stays = link(issueId, issueKey, "exp-6");

        var answer = call("POST", "/forge/ui/issue-links/" + here.id() + "/unlink", admin());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
        assertThat(links.find(SITE, here.id())).isEmpty();
        assertThat(links.find(SITE, stays.id())).isPresent();
        var row = jdbc.sql("select actor, action, target, detail from audit_record where detail like ?")
                .param("%link " + here.id() + " %").query().singleRow();
        assertThat(row.get("actor")).isEqualTo("jira:" + Users.ADMIN_ACCOUNT_ID);
        assertThat(row.get("action")).isEqualTo("LINK_REMOVED");
        assertThat(row.get("target")).isEqualTo(issueKey);
        assertThat((String) row.get("detail")).contains("(Forge)").contains(SITE).contains("exp-5");
    }

    @Test
    void someoneJiraDoesNotLetEditTheIssueIsRefused() {
        TicketLink here = link(issueId, issueKey, "exp-7");
        var member = FakeForge.INSTANCE.fit(INSTALLATION).principal(Users.MEMBER_ACCOUNT_ID).issue(issueId, issueKey);

        var unlink = call("POST", "/forge/ui/issue-links/" + here.id() + "/unlink", member);
        var refresh = call("POST", "/forge/ui/issue-links/" + here.id() + "/refresh", member);

        problem(unlink, 403);
        assertThat(unlink.body()).contains("edit this issue");
        problem(refresh, 403);
        assertThat(links.find(SITE, here.id())).isPresent();
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'LINK_REMOVED'").query(Long.class)
                .single()).isZero();
    }

    @Test
    void aViewNotOnAnIssueListsNothing() {
        var onNoIssue = FakeForge.INSTANCE.fit(INSTALLATION).principal(Users.ADMIN_ACCOUNT_ID);

        problem(call("GET", "/forge/ui/issue-links", onNoIssue), 404);
    }

    @Test
    void anInstallationWhoseSiteFerryDoesNotKnowYetIsAskedToTryAgain() {
        FakeForge.INSTANCE.install("ari:cloud:ecosystem::installation/forge-panel-early", null);
        var early = FakeForge.INSTANCE.fit("ari:cloud:ecosystem::installation/forge-panel-early")
                .principal(Users.ADMIN_ACCOUNT_ID).issue(issueId, issueKey);

        problem(call("GET", "/forge/ui/issue-links", early), 409);
        problem(call("GET", "/forge/ui/configure", early), 409);
    }

    @Test
    void aJiraAdministratorSeesTheRequestAndConfirmsTheSiteLink() {
        var acme = organizations.create("Acme Forge");
        long request = requestLink(acme);

        var page = call("GET", "/forge/ui/configure", admin());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(page.body());
        assertThat(body.path("site").path("url").asString()).isEqualTo(jira.baseUrl());
        assertThat(body.path("site").path("cloudId").asString()).isEqualTo("cloud-1");
        // Like every Ferry answer, a field with no value is left out.
        assertThat(body.path("site").has("linkedOrganization")).isFalse();
        assertThat(body.path("viewer").asString()).isEqualTo("ADMIN");
        JsonNode pending = body.path("requests").get(0);
        assertThat(pending.path("id").asLong()).isEqualTo(request);
        assertThat(pending.path("organization").asString()).isEqualTo("Acme Forge");
        assertThat(pending.path("requestedBy").asString()).isNotBlank();
        assertThat(Instant.parse(pending.path("requestedAt").asString())).isBefore(Instant.now().plusSeconds(1));
        assertThat(pending.path("code").asString()).isNotBlank();

        var confirmed = call("POST", "/forge/ui/configure/requests/" + request + "/confirm", admin());

        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(JSON.readTree(confirmed.body()).path("outcome").asString()).isEqualTo("LINKED");
        assertThat(JSON.readTree(confirmed.body()).path("message").asString())
                .isEqualTo("This site is now linked to Acme Forge.");
        assertThat(siteLinks.organizationOf(SITE)).contains(acme.id());
        assertThat(JSON.readTree(call("GET", "/forge/ui/configure", admin()).body()).path("site")
                .path("linkedOrganization").asString()).isEqualTo("Acme Forge");
    }

    @Test
    void someoneWhoIsNoJiraAdministratorCanNeitherSeeNorConfirmNorDecline() {
        long request = requestLink(organizations.create("Acme Forge"));
        var member = FakeForge.INSTANCE.fit(INSTALLATION).principal(Users.MEMBER_ACCOUNT_ID);

        JsonNode page = JSON.readTree(call("GET", "/forge/ui/configure", member).body());
        var confirm = call("POST", "/forge/ui/configure/requests/" + request + "/confirm", member);
        var decline = call("POST", "/forge/ui/configure/requests/" + request + "/decline", member);

        assertThat(page.path("viewer").asString()).isEqualTo("NOT_ADMIN");
        assertThat(page.path("requests")).isEmpty();
        problem(confirm, 403);
        assertThat(confirm.body()).contains("Jira administrator");
        problem(decline, 403);
        assertThat(siteLinks.organizationOf(SITE)).isEmpty();
        assertThat(jdbc.sql("select state from site_link_request where id = ?").param(request).query(String.class)
                .single()).isEqualTo("PENDING");
    }

    @Test
    void aJiraAdministratorDeclinesAndNothingIsLinked() {
        long request = requestLink(organizations.create("Acme Forge"));

        var declined = call("POST", "/forge/ui/configure/requests/" + request + "/decline", admin());
        var again = call("POST", "/forge/ui/configure/requests/" + request + "/confirm", admin());

        assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);
        assertThat(JSON.readTree(declined.body()).path("outcome").asString()).isEqualTo("DECLINED");
        assertThat(JSON.readTree(declined.body()).path("message").asString()).startsWith("You declined the request");
        problem(again, 404);
        assertThat(siteLinks.organizationOf(SITE)).isEmpty();
    }

    private long requestLink(Organizations.Org org) {
        var asked = new Http(port).post("/api/v1/sites", "{\"site\":\"" + SITE + "\"}", org.auth());
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        return JSON.readTree(asked.body()).path("id").asLong();
    }

    private FakeForge.Fit admin() {
        return FakeForge.INSTANCE.fit(INSTALLATION).principal(Users.ADMIN_ACCOUNT_ID).issue(issueId, issueKey);
    }

    private HttpResponse<String> call(String method, String path, FakeForge.Fit fit) {
        Http http = new Http(port);
        return method.equals("GET") ? http.get(path, "Authorization", fit.bearer())
                : http.post(path, "", "Authorization", fit.bearer());
    }

    private static void problem(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
    }

    private TicketLink link(String id, String key, String objectId) {
        return links.link(SITE, new IssueState(id, key, "To Do", "new", Instant.now()), new LinkedObject("experiment",
                objectId, "Experiment " + objectId, "https://product.example/" + objectId, "running"),
                LinkOrigin.AUTOMATIC);
    }

    private String idOf(String key) {
        return jira.data().issueJson(key, jira.baseUrl()).orElseThrow().path("id").asText();
    }
}
