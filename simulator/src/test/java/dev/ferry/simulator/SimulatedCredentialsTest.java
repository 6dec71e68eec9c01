package dev.ferry.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.simulator.auth.Canonical;
import dev.ferry.simulator.auth.Tokens;
import dev.ferry.simulator.rest.Users;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who the site takes a call for: API tokens that expire or are revoked, and {@code myself} for each kind of caller. */
class SimulatedCredentialsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MovableClock clock = new MovableClock();
    private JiraSimulator jira;

    @BeforeEach
    void start() {
        jira = JiraSimulator.start(clock);
    }

    @AfterEach
    void stop() {
        jira.close();
    }

    @Test
    void anApiTokenWorksUntilItExpiresAndThenGetsJirasRefusal() throws Exception {
        jira.credentials().addApiToken("ana@example.com", "tok-a", clock.instant().plus(Duration.ofDays(1)));
        assertThat(myself(basic("ana@example.com", "tok-a")).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofDays(1));
        HttpResponse<String> expired = myself(basic("ana@example.com", "tok-a"));

        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(expired.body()).path("errorMessages").get(0).asText())
                .isEqualTo("Client must be authenticated to access this resource.");
    }

    @Test
    void aRevokedApiTokenIsRefusedWhileTheUsersOtherTokenStillWorks() throws Exception {
        jira.credentials().addApiToken("ana@example.com", "tok-a");
        jira.credentials().addApiToken("ana@example.com", "tok-b");

        jira.credentials().revokeApiToken("ana@example.com", "tok-a");

        assertThat(myself(basic("ana@example.com", "tok-a")).statusCode()).isEqualTo(401);
        assertThat(myself(basic("ana@example.com", "tok-b")).statusCode()).isEqualTo(200);
        jira.credentials().revokeApiToken("ana@example.com");
        assertThat(myself(basic("ana@example.com", "tok-b")).statusCode()).isEqualTo(401);
    }

    @Test
    void anApiTokenOfAnotherUserDoesNotAuthenticateThisOne() throws Exception {
        jira.credentials().addApiToken("ana@example.com", "tok-a");

        assertThat(myself(basic("bo@example.com", "tok-a")).statusCode()).isEqualTo(401);
    }

    @Test
    void myselfIsTheUserWhoseApiTokenSignedTheCall() throws Exception {
        jira.data().accounts().add("acc-ana", "ana@example.com", "Ana Lima");
        jira.credentials().addApiToken("ana@example.com", "tok-a");

        JsonNode me = JSON.readTree(myself(basic("ana@example.com", "tok-a")).body());

        assertThat(me.path("accountId").asText()).isEqualTo("acc-ana");
        assertThat(me.path("emailAddress").asText()).isEqualTo("ana@example.com");
        assertThat(me.path("displayName").asText()).isEqualTo("Ana Lima");
        jira.assertNoSpecViolations();
    }

    @Test
    void myselfIsTheAccountBehindABearerToken() throws Exception {
        jira.credentials().addBearerToken("bearer-1", Users.MEMBER_ACCOUNT_ID);

        JsonNode me = JSON.readTree(myself("Bearer bearer-1").body());

        assertThat(me.path("accountId").asText()).isEqualTo(Users.MEMBER_ACCOUNT_ID);
        assertThat(me.path("emailAddress").asText()).isEqualTo("member@simulated.example");
    }

    @Test
    void myselfForAConnectAppIsItsBotUserWithoutAnEmail() throws Exception {
        jira.credentials().install("ferry-for-jira", "s3cret-s3cret-s3cret");
        long now = clock.instant().getEpochSecond();
        String jwt = Tokens.hs256(Map.of("iss", "ferry-for-jira", "iat", now, "exp", now + 180,
                "qsh", Canonical.qsh("GET", "/rest/api/3/myself", null, "")), "s3cret-s3cret-s3cret");

        JsonNode me = JSON.readTree(myself("JWT " + jwt).body());

        assertThat(me.path("accountType").asText()).isEqualTo("app");
        assertThat(me.path("accountId").asText()).startsWith("557058:");
        assertThat(me.path("displayName").asText()).isEqualTo("ferry-for-jira");
        assertThat(me.has("emailAddress")).isFalse();
    }

    @Test
    void tenantInfoTellsTheSitesCloudIdWithoutAuth() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(jira.baseUrl() + "/_edge/tenant_info")).build();

        var response = java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("cloudId").asText())
                .isEqualTo(jira.cloudId()).isEqualTo(jira.site().identity().cloudId());
        assertThat(jira.calls()).isEmpty();
    }

    private HttpResponse<String> myself(String authorization) throws Exception {
        return SiteRequests.send(jira, "GET", "/rest/api/3/myself", null, authorization);
    }

    static String basic(String email, String token) {
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + token).getBytes(StandardCharsets.UTF_8));
    }
}
