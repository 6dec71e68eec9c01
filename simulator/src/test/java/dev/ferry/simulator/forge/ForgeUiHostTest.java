package dev.ferry.simulator.forge;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ferry.simulator.JiraSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Jira's Custom UI host: the page frames the module's resource, whose bridge sends invokeRemote to Ferry with a FIT. */
class ForgeUiHostTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private JiraSimulator jira;
    private FerryStandIn ferry;
    private String issueKey;

    @BeforeEach
    void install() throws Exception {
        jira = JiraSimulator.start();
        ferry = new FerryStandIn();
        jira.forge().install(ferry.baseUrl(), FerryStandIn.manifest(), FerryStandIn.APP_ID);
        jira.forge().serveResources(Path.of(getClass().getResource("/forge").toURI()));
        issueKey = jira.admin().createIssue("FERRY", "Task", "Show my links");
        ferry.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/forge/ui/issue-links")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"issueKey\":\"" + issueKey + "\",\"links\":[]}")));
    }

    @AfterEach
    void stop() {
        ferry.close();
        jira.close();
    }

    @Test
    void theHostPageFramesTheModulesResourceWithTheBridgeFirst() throws Exception {
        HttpResponse<String> page = get(jira.forge().hostPageUrl("ferry-issue-panel", issueKey, "acc-7"));
        assertThat(page.statusCode()).isEqualTo(200);

        HttpResponse<String> frame = get(jira.baseUrl() + frameSrc(page.body()));
        assertThat(frame.statusCode()).isEqualTo(200);
        assertThat(frame.body().indexOf("window.__bridge")).isPositive().isLessThan(frame.body().indexOf("src=\"app.js\""));
        assertThat(frame.body()).contains("\"accountId\":\"acc-7\"").contains("\"key\":\"" + issueKey + "\"")
                .contains("\"type\":\"jira:issuePanel\"");
        HttpResponse<String> script = get(jira.baseUrl() + frameSrc(page.body()).replace("index.html", "app.js"));
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        // Out of the resource directory: Jetty refuses an encoded separator (400), the host a path outside (404).
        HttpResponse<String> escape = get(jira.baseUrl() + frameSrc(page.body()).replace("index.html", "..%2F..%2F..%2Fmanifest.yml"));
        assertThat(escape.statusCode()).isIn(400, 404);
        assertThat(escape.body()).doesNotContain("remotes:");
        assertThat(get(jira.baseUrl() + frameSrc(page.body()).replace("index.html", "missing.js")).statusCode()).isEqualTo(404);
    }

    @Test
    void theBridgesInvokeRemoteReachesFerryWithTheUsersFitAndTokens() throws Exception {
        String frame = frameSrc(get(jira.forge().hostPageUrl("ferry-issue-panel", issueKey, "acc-7")).body());
        String invoke = jira.baseUrl() + frame.replace("index.html", "__invoke");

        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(invoke)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"path\":\"/forge/ui/issue-links\",\"method\":\"GET\","
                        + "\"invokeType\":\"ui-remote-fetch\"}")).build(), HttpResponse.BodyHandlers.ofString());

        JsonNode bridge = JSON.readTree(answer.body());
        assertThat(bridge.path("success").asBoolean()).isTrue();
        assertThat(bridge.path("payload").path("status").asInt()).isEqualTo(200);
        assertThat(bridge.path("payload").path("body").path("issueKey").asText()).isEqualTo(issueKey);
        assertThat(bridge.path("payload").path("headers").path("content-type").get(0).asText()).isEqualTo("application/json");
        LoggedRequest call = ferry.requests("/forge/ui/issue-links").get(0);
        assertThat(call.getMethod().getName()).isEqualTo("GET");
        JsonNode claims = FerryStandIn.claims(FerryStandIn.fitOf(call));
        assertThat(claims.path("principal").asText()).isEqualTo("acc-7");
        assertThat(claims.path("context").path("extension").path("issue").path("key").asText()).isEqualTo(issueKey);
        assertThat(claims.path("app").path("module").path("key").asText()).isEqualTo("ferry-issue-panel");
        assertThat(jira.forge().tokenKind(call.getHeader("x-forge-oauth-system"))).isEqualTo("system");
        assertThat(jira.forge().tokenKind(call.getHeader("x-forge-oauth-user"))).isEqualTo("user");
    }

    @Test
    void aRemoteErrorComesBackAsTheBridgesError() throws Exception {
        RemoteReply reply = jira.forge().invokeRemote("ferry-configure", "POST", "/forge/ui/configure/requests/9/confirm",
                "acc-7", null, "{}");
        assertThat(reply.status()).isEqualTo(204);

        ferry.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/forge/ui/configure/requests/9/confirm"))
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\":\"Conflict\"}")));
        String frame = frameSrc(get(jira.forge().hostPageUrl("ferry-configure", null, "acc-7")).body());
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(jira.baseUrl()
                + frame.replace("index.html", "__invoke"))).POST(HttpRequest.BodyPublishers.ofString(
                "{\"path\":\"/forge/ui/configure/requests/9/confirm\",\"method\":\"POST\",\"body\":{}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode bridge = JSON.readTree(answer.body());
        assertThat(bridge.path("success").asBoolean()).isFalse();
        assertThat(bridge.path("error").path("status").asInt()).isEqualTo(409);
        assertThat(bridge.path("error").path("body").path("title").asText()).isEqualTo("Conflict");
        JsonNode claims = FerryStandIn.claims(FerryStandIn.fitOf(ferry.requests("/forge/ui/configure/requests/9/confirm").get(1)));
        assertThat(claims.path("context").has("extension") && claims.path("context").path("extension").has("issue")).isFalse();
    }

    private static String frameSrc(String page) {
        Matcher matcher = Pattern.compile("src=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
