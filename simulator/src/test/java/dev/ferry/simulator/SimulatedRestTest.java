package dev.ferry.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.simulator.auth.Canonical;
import dev.ferry.simulator.auth.Tokens;
import dev.ferry.simulator.fault.Fault;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulated site's REST API over real HTTP, as an app would call it. */
class SimulatedRestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADF = "{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"Hi\"}]}]}";
    private static JiraSimulator jira;

    @BeforeAll
    static void start() {
        jira = JiraSimulator.start();
        jira.credentials().addApiToken("bot@example.com", "token-1");
        jira.credentials().install("ferry-for-jira", "s3cret-s3cret-s3cret");
    }

    @AfterAll
    static void stop() {
        jira.close();
    }

    @BeforeEach
    void reset() {
        jira.reset();
    }

    @Test
    void anIssueCreatedIsRetrievableSearchableAndTransitionable() throws Exception {
        var created = basic("POST", "/rest/api/3/issue", create("FERRY", "Bug", "Guardrail breached"));
        assertThat(created.statusCode()).isEqualTo(201);
        String key = JSON.readTree(created.body()).path("key").asText();

        JsonNode issue = JSON.readTree(basic("GET", "/rest/api/3/issue/" + key + "?fields=status,summary", null).body());
        assertThat(issue.path("fields").path("status").path("statusCategory").path("key").asText()).isEqualTo("new");
        assertThat(issue.path("fields").has("issuetype")).isFalse();

        assertThat(basic("POST", "/rest/api/3/issue/" + key + "/transitions", "{\"transition\":{\"id\":\"31\"}}").statusCode()).isEqualTo(204);
        JsonNode found = JSON.readTree(basic("GET", "/rest/api/3/search/jql?jql=" + enc("key in (" + key + ")") + "&fields=status", null).body());
        assertThat(found.path("issues").get(0).path("fields").path("status").path("statusCategory").path("key").asText()).isEqualTo("done");
        jira.assertNoSpecViolations();
    }

    @Test
    void onlyTheSiteAdminHoldsTheAdministerPermission() throws Exception {
        String ask = "{\"accountId\":\"%s\",\"globalPermissions\":[\"ADMINISTER\",\"USE\"]}";

        JsonNode admin = JSON.readTree(basic("POST", "/rest/api/3/permissions/check",
                ask.formatted(dev.ferry.simulator.rest.Users.ADMIN_ACCOUNT_ID)).body());
        JsonNode member = JSON.readTree(basic("POST", "/rest/api/3/permissions/check",
                ask.formatted(dev.ferry.simulator.rest.Users.MEMBER_ACCOUNT_ID)).body());
        var misspelt = basic("POST", "/rest/api/3/permissions/check", "{\"globalPermissions\":[\"ADMINSTER\"]}");

        assertThat(admin.path("globalPermissions").toString()).isEqualTo("[\"ADMINISTER\",\"USE\"]");
        assertThat(member.path("globalPermissions").toString()).isEqualTo("[\"USE\"]");
        assertThat(misspelt.statusCode()).isEqualTo(400);
        jira.assertNoSpecViolations();
    }

    @Test
    void createRefusesWhatJiraRefusesWithItsErrorBody() throws Exception {
        var response = basic("POST", "/rest/api/3/issue", create("FERRY", "Epic", "x".repeat(256)));
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode errors = JSON.readTree(response.body()).path("errors");
        assertThat(errors.path("issuetype").asText()).isEqualTo("Specify a valid issue type");
        assertThat(basic("POST", "/rest/api/3/issue", create("NOPE", "Bug", "s")).body()).contains("valid project is required");
        String badAdf = "{\"fields\":{\"project\":{\"key\":\"FERRY\"},\"issuetype\":{\"name\":\"Bug\"},\"summary\":\"s\","
                + "\"description\":{\"version\":1,\"type\":\"doc\",\"content\":[{\"type\":\"text\",\"text\":\"\"}]}}}";
        assertThat(JSON.readTree(basic("POST", "/rest/api/3/issue", badAdf).body()).path("errors").has("description")).isTrue();
    }

    @Test
    void searchPagesWithNextPageTokenAndTheOldSearchIsGone() throws Exception {
        for (int i = 0; i < 3; i++) {
            basic("POST", "/rest/api/3/issue", create("OPS", "Task", "paged " + i));
        }
        JsonNode first = JSON.readTree(basic("POST", "/rest/api/3/search/jql", "{\"jql\":\"project = OPS\",\"maxResults\":2}").body());
        assertThat(first.path("issues")).hasSize(2);
        String next = first.path("nextPageToken").asText();
        JsonNode second = JSON.readTree(basic("POST", "/rest/api/3/search/jql",
                "{\"jql\":\"project = OPS\",\"maxResults\":2,\"nextPageToken\":\"" + next + "\"}").body());
        assertThat(second.path("isLast").asBoolean()).isTrue();
        assertThat(basic("GET", "/rest/api/3/search?jql=project%20%3D%20OPS", null).statusCode()).isEqualTo(410);
        assertThat(basic("POST", "/rest/api/3/search/jql", "{\"jql\":\"order by created\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void aRemoteLinkWithTheSameGlobalIdIsUpdatedNotDuplicated() throws Exception {
        String key = JSON.readTree(basic("POST", "/rest/api/3/issue", create("FERRY", "Task", "links")).body()).path("key").asText();
        String link = "{\"globalId\":\"ferry:exp-1\",\"object\":{\"url\":\"https://product.example/e/1\",\"title\":\"%s\"}}";
        assertThat(basic("POST", "/rest/api/3/issue/" + key + "/remotelink", link.formatted("v1")).statusCode()).isEqualTo(201);
        assertThat(basic("POST", "/rest/api/3/issue/" + key + "/remotelink", link.formatted("v2")).statusCode()).isEqualTo(200);
        JsonNode links = JSON.readTree(basic("GET", "/rest/api/3/issue/" + key + "/remotelink", null).body());
        assertThat(links).hasSize(1);
        assertThat(links.get(0).path("object").path("title").asText()).isEqualTo("v2");
    }

    @Test
    void aConnectTokenForThisExactRequestIsAcceptedAndATamperedOneIsRefused() throws Exception {
        String path = "/rest/api/3/issue/createmeta/FERRY/issuetypes";
        String token = connectToken("GET", path, null, "s3cret-s3cret-s3cret");
        assertThat(send("GET", path, null, "JWT " + token).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/rest/api/3/myself", null, "JWT " + token).statusCode()).isEqualTo(401);
        // A character well inside the signature: the last one of a base64url HMAC also holds padding bits, and a
        // change there alone can decode to the same bytes.
        int at = token.length() - 10;
        String tampered = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        assertThat(send("GET", path, null, "JWT " + tampered).statusCode()).isEqualTo(401);
        assertThat(send("GET", path, null, "JWT " + connectToken("GET", path, null, "another-secret")).statusCode()).isEqualTo(401);
    }

    @Test
    void confluenceCallsAreHashedWithoutTheWikiPrefix() throws Exception {
        String path = "/wiki/api/v2/pages";
        String query = "limit=10&sort=-modified-date";
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>(Map.of("iss", "ferry-for-jira", "iat", now, "exp", now + 180,
                "qsh", Canonical.qsh("GET", "/api/v2/pages", query, "")));
        var response = send("GET", path + "?" + query, null, "JWT " + Tokens.hs256(claims, "s3cret-s3cret-s3cret"));
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void aScriptedRateLimitAnswers429WithJirasHeadersThenRecovers() throws Exception {
        jira.faults().add("GET", "/rest/api/3/myself", Fault.rateLimited(Duration.ofSeconds(7), "jira-burst-based"), 1);
        var limited = basic("GET", "/rest/api/3/myself", null);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("7");
        assertThat(limited.headers().firstValue("RateLimit-Reason")).contains("jira-burst-based");
        assertThat(basic("GET", "/rest/api/3/myself", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aConnectionResetIsADroppedConnection() {
        jira.faults().add("*", "/rest/api/3/serverInfo", Fault.connectionReset(), 1);
        assertThatThrownBy(() -> basic("GET", "/rest/api/3/serverInfo", null)).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void aRequestTheSpecRejectsIsRecordedAsAViolation() throws Exception {
        basic("GET", "/rest/api/3/auditing/record?limit=lots", null);
        assertThatThrownBy(jira::assertNoSpecViolations).isInstanceOf(AssertionError.class).hasMessageContaining("limit");
    }

    @Test
    void wrongBasicCredentialsAre401AndEveryCallIsRecorded() throws Exception {
        String wrong = "Basic " + Base64.getEncoder().encodeToString("bot@example.com:nope".getBytes(StandardCharsets.UTF_8));
        assertThat(send("GET", "/rest/api/3/myself", null, wrong).statusCode()).isEqualTo(401);
        assertThat(jira.calls()).singleElement().satisfies(call -> {
            assertThat(call.status()).isEqualTo(401);
            assertThat(call.authKind()).isNull();
        });
    }

    private static String create(String project, String type, String summary) {
        return "{\"fields\":{\"project\":{\"key\":\"" + project + "\"},\"issuetype\":{\"name\":\"" + type
                + "\"},\"summary\":\"" + summary + "\",\"description\":" + ADF + "}}";
    }

    private static String connectToken(String method, String path, String query, String secret) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "ferry-for-jira");
        claims.put("iat", now);
        claims.put("exp", now + 180);
        claims.put("qsh", Canonical.qsh(method, path, query, ""));
        return Tokens.hs256(claims, secret);
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static HttpResponse<String> basic(String method, String pathAndQuery, String body) throws Exception {
        return SiteRequests.basic(jira, method, pathAndQuery, body);
    }

    static HttpResponse<String> send(String method, String pathAndQuery, String body, String authorization) throws Exception {
        return SiteRequests.send(jira, method, pathAndQuery, body, authorization);
    }
}
