package dev.ferry.e2e;

import static dev.ferry.e2e.Events.guardrail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.account.People;
import dev.ferry.oauth.OAuthRefreshes;
import dev.ferry.delivery.DeliveryDrain;
import dev.ferry.principal.Role;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.support.ConsoleClient;
import dev.ferry.support.Organizations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The refresh worker keeps OAuth connections callable: it refreshes a token that expires within the hour and
 * leaves one that does not, two nodes refreshing at once spend the rotating refresh token once, and a grant
 * the account revoked marks the connection "reconnect needed" and parks its deliveries until a reconnect.
 */
@FerryJourney
class OAuthRefreshJourneyTest {

    static final Duration WITHIN = Duration.ofMinutes(60);

    @Autowired
    ApplicationContext context;
    @Autowired
    Organizations organizations;
    @Autowired
    People people;

    Journey journey;
    JiraSimulator jira;
    Organizations.Org acme;
    ConsoleClient console;

    @BeforeEach
    void acmeIsSignedIn(Journey journey) {
        this.journey = journey;
        jira = journey.jira();
        acme = organizations.create("Acme Experiments");
        console = ConsoleClient.signIn(journey.port(), people.create(acme.id(), Role.ADMIN));
    }

    @AfterEach
    void atlassianTokensLastAnHourAgain() {
        jira.oauth().accessTokenLifetime(Duration.ofHours(1));
    }

    @Test
    void theWorkerRefreshesATokenExpiringIn59MinutesAndNotOneExpiringIn61() {
        jira.oauth().accessTokenLifetime(Duration.ofMinutes(59));
        String grant = OAuthRefreshes.grantOf(context, OAuthConnections.connect(journey, console));
        jira.oauth().accessTokenLifetime(Duration.ofMinutes(61));

        assertThat(OAuthRefreshes.refreshDue(context)).as("59 minutes left: refreshed").isEqualTo(1);
        assertThat(OAuthRefreshes.generation(context, grant)).isEqualTo(1);

        assertThat(OAuthRefreshes.refreshDue(context)).as("61 minutes left: not yet").isZero();
        assertThat(OAuthRefreshes.generation(context, grant)).isEqualTo(1);
        assertThat(OAuthRefreshes.brokenReason(context, grant)).isNull();
    }

    @Test
    void aTokenAboutToExpireIsRefreshedBeforeTheCallThatUsesIt() {
        String site = OAuthConnections.connect(journey, console);
        String grant = OAuthRefreshes.grantOf(context, site);
        context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("update oauth_grant set access_expires_at = ? where id = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(30)), grant).update();
        ProductApi api = journey.api(acme.key());
        assertThat(api.post("/api/v1/destinations", "{\"site\":\"" + site + "\",\"projectKey\":\"FERRY\"}").status())
                .isEqualTo(201);
        assertThat(OAuthRefreshes.generation(context, grant)).as("within a minute of expiry: refreshed inline").isEqualTo(1);
        String eventId = api.postEvent(guardrail("exp-9", "Search"));
        DeliveryDrain.drain(context);
        assertThat(api.delivery(eventId).path("outcome").asString()).isEqualTo("CREATED");
        assertThat(OAuthRefreshes.generation(context, grant)).as("the fresh token lasts the hour").isEqualTo(1);
    }

    @Test
    void aGrantNobodyPickedSitesForIsForgottenAfterADay() {
        OAuthConnections.registerClient(journey);
        String back = OAuthConnections.consent(jira, OAuthConnections.start(console, null));
        assertThat(OAuthConnections.callback(console, back).statusCode()).isEqualTo(303);
        var jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        assertThat(jdbc.sql("select count(*) from oauth_grant").query(Integer.class).single()).isEqualTo(1);
        OAuthRefreshes.refreshDue(context);
        assertThat(jdbc.sql("select count(*) from oauth_grant").query(Integer.class).single()).as("an hour old: kept").isEqualTo(1);
        jdbc.sql("update oauth_grant set created_at = ?")
                .param(java.sql.Timestamp.from(java.time.Instant.now().minus(Duration.ofHours(25)))).update();
        OAuthRefreshes.refreshDue(context);
        assertThat(jdbc.sql("select count(*) from oauth_grant").query(Integer.class).single()).isZero();
    }

    @Test
    void twoNodesRefreshingAtOnceSpendTheRefreshTokenOnce() throws Exception {
        jira.oauth().accessTokenLifetime(Duration.ofMinutes(59));
        String grant = OAuthRefreshes.grantOf(context, OAuthConnections.connect(journey, console));
        for (int round = 1; round <= 3; round++) {
            CyclicBarrier together = new CyclicBarrier(2);
            List<CompletableFuture<String>> nodes = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                nodes.add(CompletableFuture.supplyAsync(() -> {
                    await(together);
                    return OAuthRefreshes.refreshAsAnotherNode(context, grant, WITHIN);
                }));
            }
            List<String> outcomes = nodes.stream().map(CompletableFuture::join).toList();
            assertThat(outcomes).as("round " + round).containsOnlyOnce("REFRESHED");
            assertThat(outcomes).as("a second spend of the refresh token is invalid_grant: the grant stays whole")
                    .doesNotContain("GRANT_LOST");
            assertThat(OAuthRefreshes.generation(context, grant)).isEqualTo(round);
            assertThat(OAuthRefreshes.brokenReason(context, grant)).isNull();
        }
        holdLease(grant);
        assertThat(OAuthRefreshes.refreshAsAnotherNode(context, grant, WITHIN))
                .as("another node's lease keeps this one from spending the token").isEqualTo("TAKEN_BY_ANOTHER");
        assertThat(OAuthRefreshes.generation(context, grant)).isEqualTo(3);
    }

    private void holdLease(String grant) {
        context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("update oauth_grant set refresh_lease_until = ? where id = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().plus(Duration.ofMinutes(2))), grant).update();
    }

    @Test
    void aRevokedGrantParksDeliveriesUntilAReconnectResumesThem() {
        String site = OAuthConnections.connect(journey, console);
        String grant = OAuthRefreshes.grantOf(context, site);
        ProductApi api = journey.api(acme.key());
        assertThat(api.post("/api/v1/destinations", "{\"site\":\"" + site + "\",\"projectKey\":\"FERRY\"}").status())
                .isEqualTo(201);

        jira.oauth().revoke(Journey.OAUTH_CLIENT_ID);
        jira.oauth().accessTokenLifetime(Duration.ofMinutes(59));
        // the worker finds the token due once its hour is nearly up
        expireSoon(grant);
        OAuthRefreshes.refreshDue(context);
        assertThat(OAuthRefreshes.brokenReason(context, grant)).contains("invalid_grant");
        var connection = api.get("/api/v1/connections/" + site).json();
        assertThat(connection.path("health").path("state").asString()).isEqualTo("reconnect_needed");
        assertThat(connection.path("health").path("message").asString()).contains("Reconnect");

        String eventId = api.postEvent(guardrail("exp-8", "Checkout"));
        DeliveryDrain.drain(context);
        assertThat(api.delivery(eventId).path("status").asString()).isEqualTo("WAITING");
        assertThat(console.get("/admin/connections/oauth").body()).contains("Reconnect needed");

        String back = OAuthConnections.consent(jira, OAuthConnections.start(console, site));
        var reconnected = OAuthConnections.callback(console, back);
        assertThat(reconnected.statusCode()).as(reconnected.body()).isEqualTo(303);
        assertThat(reconnected.headers().firstValue("Location").orElseThrow()).endsWith("/admin/connections");
        assertThat(OAuthRefreshes.brokenReason(context, grant)).isNull();
        assertThat(api.get("/api/v1/connections/" + site).json().path("health").path("state").asString()).isEqualTo("ok");

        DeliveryDrain.timePasses(context);
        DeliveryDrain.drain(context);
        assertThat(api.delivery(eventId).path("status").asString()).isEqualTo("DONE");
    }

    private void expireSoon(String grant) {
        context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("update oauth_grant set access_expires_at = ? where id = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().plus(Duration.ofMinutes(30))), grant).update();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
