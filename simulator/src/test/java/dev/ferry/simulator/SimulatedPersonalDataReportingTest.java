package dev.ferry.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.simulator.auth.Canonical;
import dev.ferry.simulator.auth.Tokens;
import dev.ferry.simulator.fault.Fault;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The personal data reporting API as the simulated site plays it for its installed Connect app. */
class SimulatedPersonalDataReportingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/rest/atlassian-connect/latest/report-accounts";
    private static final String SECRET = "s3cret-s3cret-s3cret";
    private static final Instant READ_AT = Instant.parse("2026-01-01T00:00:00Z");
    private static JiraSimulator jira;

    @BeforeAll
    static void start() {
        jira = JiraSimulator.start();
        jira.credentials().addApiToken("bot@example.com", "token-1");
        jira.credentials().install("ferry-for-jira", SECRET);
    }

    @AfterAll
    static void stop() {
        jira.close();
    }

    @BeforeEach
    void reset() {
        jira.reset();
        jira.data().personalData().clear();
    }

    @Test
    void nothingToDoIs204WithTheCyclePeriod() throws Exception {
        jira.data().personalData().cyclePeriod(Duration.ofDays(3));
        var answer = report(accounts("a", "b"), jwt(SECRET));
        assertThat(answer.statusCode()).isEqualTo(204);
        assertThat(answer.headers().firstValue("Cycle-Period")).hasValue(Long.toString(Duration.ofDays(3).toSeconds()));
        assertThat(jira.data().personalData().reports()).containsExactly(List.of("a", "b"));
    }

    @Test
    void closedAndUpdatedAccountsAreNamedIn200() throws Exception {
        jira.data().personalData().close("gone");
        jira.data().personalData().changed("renamed", READ_AT.plusSeconds(60));
        jira.data().personalData().changed("unchanged", READ_AT.minusSeconds(60));
        var answer = report(accounts("gone", "renamed", "unchanged", "other"), jwt(SECRET));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Cycle-Period")).hasValue("604800");
        Map<String, String> statuses = new LinkedHashMap<>();
        JSON.readTree(answer.body()).path("accounts")
                .forEach(a -> statuses.put(a.path("accountId").asText(), a.path("status").asText()));
        assertThat(statuses).containsExactly(Map.entry("gone", "closed"), Map.entry("renamed", "updated"));
    }

    @Test
    void moreThan90AccountsOrABadBodyIs400AndNothingIsRecorded() throws Exception {
        String[] ninetyOne = IntStream.range(0, 91).mapToObj(i -> "acc-" + i).toArray(String[]::new);
        assertThat(report(accounts(ninetyOne), jwt(SECRET)).statusCode()).isEqualTo(400);
        assertThat(report("{\"accounts\":[]}", jwt(SECRET)).statusCode()).isEqualTo(400);
        assertThat(report("{\"accounts\":[{\"accountId\":\"a\",\"updatedAt\":\"yesterday\"}]}", jwt(SECRET)).statusCode())
                .isEqualTo(400);
        assertThat(report("{\"accounts\":[{\"updatedAt\":\"2026-01-01T00:00:00Z\"}]}", jwt(SECRET)).statusCode())
                .isEqualTo(400);
        assertThat(jira.data().personalData().reports()).isEmpty();
        String[] ninety = IntStream.range(0, 90).mapToObj(i -> "acc-" + i).toArray(String[]::new);
        assertThat(report(accounts(ninety), jwt(SECRET)).statusCode()).isEqualTo(204);
    }

    @Test
    void onlyTheInstalledAppsJwtOfThisExactRequestIsAccepted() throws Exception {
        assertThat(report(accounts("a"), jwt("another-secret-another")).statusCode()).isEqualTo(401);
        String wrongQsh = "JWT " + Tokens.hs256(claims(Canonical.qsh("POST", "/rest/api/3/search", "", "")), SECRET);
        assertThat(report(accounts("a"), wrongQsh).statusCode()).isEqualTo(401);
        assertThat(SiteRequests.send(jira, "POST", PATH, accounts("a"), "Basic "
                + java.util.Base64.getEncoder().encodeToString("bot@example.com:token-1".getBytes())).statusCode())
                .isEqualTo(401);
        assertThat(jira.data().personalData().reports()).isEmpty();
        assertThat(jira.calls()).allMatch(call -> call.status() == 401);
    }

    @Test
    void aScripted429CarriesRetryAfter() throws Exception {
        jira.faults().add("POST", PATH, Fault.rateLimited(Duration.ofSeconds(30), "app-personal-data"), 1);
        var limited = report(accounts("a"), jwt(SECRET));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(report(accounts("a"), jwt(SECRET)).statusCode()).isEqualTo(204);
    }

    @Test
    void theUserReadShowsTheCurrentNameAndAClosedAccountAsInactive() throws Exception {
        jira.data().accounts().add("557058:ren", "ren@example.com", "Ren Renamed");
        JsonNode user = JSON.readTree(SiteRequests.basic(jira, "GET", "/rest/api/3/user?accountId=557058:ren", null).body());
        assertThat(user.path("displayName").asText()).isEqualTo("Ren Renamed");
        assertThat(user.path("active").asBoolean()).isTrue();
        jira.data().personalData().close("557058:ren");
        JsonNode closed = JSON.readTree(SiteRequests.basic(jira, "GET", "/rest/api/3/user?accountId=557058:ren", null).body());
        assertThat(closed.path("active").asBoolean()).isFalse();
        assertThat(closed.has("emailAddress")).isFalse();
        assertThat(SiteRequests.basic(jira, "GET", "/rest/api/3/user?accountId=nobody", null).statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> report(String body, String authorization) throws Exception {
        return SiteRequests.send(jira, "POST", PATH, body, authorization);
    }

    private static String jwt(String secret) {
        return "JWT " + Tokens.hs256(claims(Canonical.qsh("POST", PATH, "", "")), secret);
    }

    private static Map<String, Object> claims(String qsh) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "ferry-for-jira");
        claims.put("iat", now);
        claims.put("exp", now + 180);
        claims.put("qsh", qsh);
        return claims;
    }

    private static String accounts(String... ids) {
        return "{\"accounts\":[" + java.util.Arrays.stream(ids)
                .map(id -> "{\"accountId\":\"" + id + "\",\"updatedAt\":\"" + READ_AT + "\"}")
                .collect(Collectors.joining(",")) + "]}";
    }
}
