package dev.ferry.e2e;

import static dev.ferry.e2e.Events.guardrail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.account.People;
import dev.ferry.delivery.DeliveryDrain;
import dev.ferry.principal.Role;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.support.ConsoleClient;
import dev.ferry.support.Organizations;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * An Admin connects the simulated site with Atlassian (OAuth 2.0 3LO) in the console over HTTP and files a
 * ticket over the connection; every answer Ferry cannot trust (no state, a forged, reused, expired or other
 * session's state, a refused code, a grant that reaches no site) is said on the page and stores nothing.
 */
@FerryJourney
class OAuthConnectionJourneyTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Organizations organizations;
    @Autowired
    People people;
    @Autowired
    JdbcClient jdbc;

    Journey journey;
    JiraSimulator jira;
    Organizations.Org acme;
    ConsoleClient console;

    @BeforeEach
    void anAdminOfAcmeIsSignedIn(Journey journey) {
        this.journey = journey;
        jira = journey.jira();
        OAuthConnections.registerClient(journey);
        acme = organizations.create("Acme Experiments");
        console = ConsoleClient.signIn(journey.port(), people.create(acme.id(), Role.ADMIN));
    }

    @AfterEach
    void atlassianCoversTheSiteAgain() {
        jira.oauth().coverNoSite(false);
    }

    @Test
    void anAdminConnectsWithAtlassianPicksTheSiteAndFilesATicketOverIt() {
        String authorize = OAuthConnections.start(console, null);
        Map<String, String> asked = OAuthConnections.query(authorize);
        assertThat(authorize).startsWith(jira.authUrl() + "/authorize?");
        assertThat(asked).containsEntry("audience", "api.atlassian.com").containsEntry("client_id", Journey.OAUTH_CLIENT_ID)
                .containsEntry("response_type", "code").containsEntry("prompt", "consent")
                .containsEntry("redirect_uri", journey.url() + "/admin/connections/oauth/callback");
        assertThat(asked.get("scope")).contains("offline_access");
        assertThat(asked.get("state")).hasSizeGreaterThanOrEqualTo(43);
        assertThat(jdbc.sql("select count(*) from oauth_state where state_hash = ?").param(asked.get("state"))
                .query(Integer.class).single()).as("the state is kept as a hash only").isZero();

        String site = OAuthConnections.connect(journey, console);
        assertThat(site).startsWith("oauth-");

        ProductApi api = journey.api(acme.key());
        JsonNode connection = api.get("/api/v1/connections/" + site).json();
        assertThat(connection.path("kind").asString()).isEqualTo("oauth");
        assertThat(connection.path("route").asString()).isEqualTo("gateway");
        assertThat(connection.path("cloudId").asString()).isEqualTo(jira.cloudId());
        assertThat(connection.path("health").path("state").asString()).isEqualTo("ok");
        assertThat(connection.path("account").path("accountId").asString()).isNotBlank();

        ProductApi.Reply destination = api.post("/api/v1/destinations", "{\"site\":\"" + site + "\",\"projectKey\":\"FERRY\"}");
        assertThat(destination.status()).as(destination.body()).isEqualTo(201);
        String eventId = api.postEvent(guardrail("exp-7", "Pricing page"));
        DeliveryDrain.drain(context);
        JsonNode delivery = api.delivery(eventId);
        assertThat(delivery.path("outcome").asString()).as(delivery.toString()).isEqualTo("CREATED");
        assertThat(jira.calls().stream().anyMatch(call -> call.path().startsWith("/api.atlassian.com/ex/jira/"
                + jira.cloudId() + "/rest/api/3/issue"))).as("filed through the gateway").isTrue();
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'CONNECTION_ADDED' and target = ?")
                .param(site).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theSameSiteApprovedAgainByTheSameAccountIsReconnectedNotAddedTwice() {
        String first = OAuthConnections.connect(journey, console);
        String pick = OAuthConnections.callback(console, OAuthConnections.consent(jira, OAuthConnections.start(console,
                null))).headers().firstValue("Location").orElseThrow();
        String grant = pick.substring(pick.indexOf("grant=") + 6);
        HttpResponse<String> again = console.post("/admin/connections/oauth/pick", "grant", grant, "site", jira.cloudId());
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(again.body()).contains("use Reconnect");
        assertThat(OAuthConnections.connectionIds(console)).containsExactly(first);
    }

    @Test
    void aCallbackWithoutStateIsRefusedAndNothingIsStored() {
        String back = OAuthConnections.consent(jira, OAuthConnections.start(console, null));
        String code = OAuthConnections.query(back).get("code");
        refused(console.get("/admin/connections/oauth/callback?code=" + code), 400, "carries no state");
    }

    @Test
    void aForgedStateIsRefusedAndNothingIsStored() {
        String back = OAuthConnections.consent(jira, OAuthConnections.start(console, null));
        String code = OAuthConnections.query(back).get("code");
        refused(console.get("/admin/connections/oauth/callback?code=" + code + "&state=forged-state-0123456789"), 400,
                "unknown to Ferry");
    }

    @Test
    void aStateWorksOnceOnly() {
        String back = OAuthConnections.consent(jira, OAuthConnections.start(console, null));
        assertThat(OAuthConnections.callback(console, back).statusCode()).isEqualTo(303);
        assertThat(grants()).isEqualTo(1);
        HttpResponse<String> again = OAuthConnections.callback(console, back);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("used already");
        assertThat(grants()).isEqualTo(1);
    }

    @Test
    void anotherSessionsStateIsRefusedAndUsedUp() {
        String back = OAuthConnections.consent(jira, OAuthConnections.start(console, null));
        ConsoleClient otherSession = ConsoleClient.signIn(journey.port(), people.create(acme.id(), Role.ADMIN));
        refused(OAuthConnections.callback(otherSession, back), 400, "another sign-in session");
        refused(OAuthConnections.callback(console, back), 400, "used already");
    }

    @Test
    void anExpiredStateIsRefused() {
        String back = OAuthConnections.consent(jira, OAuthConnections.start(console, null));
        jdbc.sql("update oauth_state set expires_at = ?").param(Timestamp.from(Instant.now().minusSeconds(1))).update();
        refused(OAuthConnections.callback(console, back), 400, "has expired");
    }

    @Test
    void aCodeAtlassianRefusesIsSaidInItsWords() {
        String back = OAuthConnections.consent(jira, OAuthConnections.start(console, null));
        String state = OAuthConnections.query(back).get("state");
        refused(console.get("/admin/connections/oauth/callback?code=not-a-code&state=" + state), 502,
                "Invalid authorization code");
    }

    @Test
    void aPersonWhoDeclinesIsToldNothingWasConnected() {
        String back = OAuthConnections.decide(OAuthConnections.start(console, null), "deny");
        refused(OAuthConnections.callback(console, back), 400, "did not grant access");
    }

    @Test
    void aGrantThatReachesNoSiteIsRefused() {
        jira.oauth().coverNoSite(true);
        String back = OAuthConnections.consent(jira, OAuthConnections.start(console, null));
        refused(OAuthConnections.callback(console, back), 502, "covers no site");
    }

    @Test
    void aMemberMayNotConnect() {
        ConsoleClient member = ConsoleClient.signIn(journey.port(), people.create(acme.id(), Role.MEMBER));
        assertThat(member.post("/admin/connections/oauth/start").statusCode()).isEqualTo(403);
        assertThat(member.get("/admin/connections/oauth").statusCode()).isEqualTo(403);
        assertThat(member.get("/admin/connections/oauth/callback?code=x&state=y").statusCode()).isEqualTo(403);
    }

    @Test
    void onlyTheApproverPicksTheSites() {
        String back = OAuthConnections.consent(jira, OAuthConnections.start(console, null));
        String pick = OAuthConnections.callback(console, back).headers().firstValue("Location").orElseThrow();
        ConsoleClient manager = ConsoleClient.signIn(journey.port(), people.create(acme.id(), Role.MANAGER));
        assertThat(manager.get(pick).statusCode()).isEqualTo(404);
        String grant = pick.substring(pick.indexOf("grant=") + 6);
        assertThat(manager.post("/admin/connections/oauth/pick", "grant", grant, "site", jira.cloudId()).statusCode())
                .isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from jira_connection").query(Integer.class).single()).isZero();
    }

    private void refused(HttpResponse<String> page, int status, String words) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(status);
        assertThat(page.body()).contains(words).contains("Nothing was connected");
        assertThat(grants()).as("no grant stored").isZero();
        assertThat(jdbc.sql("select count(*) from jira_connection").query(Integer.class).single()).isZero();
    }

    private int grants() {
        return jdbc.sql("select count(*) from oauth_grant").query(Integer.class).single();
    }
}
