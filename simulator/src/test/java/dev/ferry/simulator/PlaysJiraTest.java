package dev.ferry.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ferry.simulator.auth.Canonical;
import dev.ferry.simulator.auth.Tokens;
import dev.ferry.simulator.iframe.IssueContext;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the simulated site sends to an app, checked on the app's side of the wire (a WireMock stand-in app). */
class PlaysJiraTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private WireMockServer app;
    private JiraSimulator jira;

    @BeforeEach
    void start() throws Exception {
        app = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        app.start();
        String descriptor = new String(getClass().getResourceAsStream("/test-descriptor.json").readAllBytes(),
                StandardCharsets.UTF_8).replace("{{baseUrl}}", "http://127.0.0.1:" + app.port() + "/ferry");
        app.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
        app.stubFor(get("/ferry/atlassian-connect.json").willReturn(aResponse().withBody(descriptor)));
        jira = JiraSimulator.start();
        jira.site().install("http://127.0.0.1:" + app.port() + "/ferry");
    }

    @AfterEach
    void stop() {
        jira.close();
        app.stop();
    }

    @Test
    void installedIsSignedRs256WithAKeyTheKeyServerServesAndBindsAudIssAndQsh() throws Exception {
        LoggedRequest installed = posted("/ferry/lifecycle/installed").get(0);
        String token = installed.getHeader("Authorization").substring(4);
        JsonNode header = Tokens.header(token);
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        String pem = new AppClientFor(jira).get(jira.installKeysUrl() + "/" + header.path("kid").asText());
        assertThat(verifiesRs256(token, pem)).isTrue();
        JsonNode claims = Tokens.claims(token);
        JsonNode body = JSON.readTree(installed.getBodyAsString());
        assertThat(claims.path("aud").asText()).isEqualTo("http://127.0.0.1:" + app.port() + "/ferry");
        assertThat(claims.path("iss").asText()).isEqualTo(body.path("clientKey").asText());
        assertThat(claims.path("qsh").asText()).isEqualTo(Canonical.sha256Hex("POST&/lifecycle/installed&"));
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(180);
        assertThat(body.path("sharedSecret").asText()).isEqualTo(jira.site().secret());
        assertThat(body.path("baseUrl").asText()).isEqualTo(jira.baseUrl());
        assertThat(body.path("productType").asText()).isEqualTo("jira");
        assertThat(body.path("installationId").asText()).startsWith("ari:cloud:ecosystem::installation/");
        assertThat(body.path("eventType").asText()).isEqualTo("installed");
    }

    @Test
    void enabledIsSignedHs256WithTheSecretJustInstalledAndReinstallRotatesIt() throws Exception {
        String first = jira.site().secret();
        String token = posted("/ferry/lifecycle/enabled").get(0).getHeader("Authorization").substring(4);
        assertThat(Tokens.verifiesHs256(token, first)).isTrue();
        jira.site().reinstall();
        JsonNode second = JSON.readTree(posted("/ferry/lifecycle/installed").get(1).getBodyAsString());
        assertThat(second.path("sharedSecret").asText()).isNotEqualTo(first).isEqualTo(jira.site().secret());
        jira.site().uninstall();
        assertThat(JSON.readTree(posted("/ferry/lifecycle/uninstalled").get(0).getBodyAsString()).has("sharedSecret")).isFalse();
    }

    @Test
    void aWebhookIsSignedForItsExactUrlAndRetriesAndDuplicatesKeepItsIdentifier() throws Exception {
        String key = jira.admin().createIssue("FERRY", "Bug", "Checkout is slow");
        var delivery = jira.site().prepareWebhook("jira:issue_updated", key, Map.of("status", new String[] {"To Do", "Done"}),
                Instant.now().minus(Duration.ofMinutes(20)));
        var sent = jira.site().send(delivery);
        jira.site().send(sent.delivery());
        jira.site().duplicate(delivery);
        List<LoggedRequest> posts = posted("/ferry/webhooks/jira-issue-updated");
        assertThat(posts).hasSize(3).allSatisfy(post ->
                assertThat(post.getHeader("X-Atlassian-Webhook-Identifier")).isEqualTo(delivery.identifier()));
        assertThat(posts.get(0).containsHeader("X-Atlassian-Webhook-Retry")).isFalse();
        assertThat(posts.get(1).getHeader("X-Atlassian-Webhook-Retry")).isEqualTo("1");
        assertThat(posts.get(2).containsHeader("X-Atlassian-Webhook-Retry")).isFalse();
        String token = posts.get(0).getHeader("Authorization").substring(4);
        assertThat(Tokens.verifiesHs256(token, jira.site().secret())).isTrue();
        assertThat(Tokens.claims(token).path("qsh").asText())
                .isEqualTo(Canonical.sha256Hex("POST&/webhooks/jira-issue-updated&"));
        JsonNode body = JSON.readTree(posts.get(0).getBodyAsString());
        assertThat(body.path("webhookEvent").asText()).isEqualTo("jira:issue_updated");
        assertThat(body.path("issue").path("key").asText()).isEqualTo(key);
        assertThat(body.path("issue").path("fields").path("status").path("statusCategory").path("key").asText()).isEqualTo("new");
        assertThat(body.path("changelog").path("items").get(0).path("toString").asText()).isEqualTo("Done");
        assertThat(body.path("timestamp").asLong()).isLessThan(Instant.now().minus(Duration.ofMinutes(19)).toEpochMilli());
    }

    @Test
    void anIframeUrlFillsThePlaceholdersAndItsQshCoversEveryParameterButJwt() {
        String key = jira.admin().createIssue("OPS", "Task", "Panel");
        IssueContext context = jira.site().issueContext(key);
        String url = jira.site().iframeUrl("ferry-issue-panel", context);
        assertThat(url).contains("issueKey=" + key).contains("projectKey=OPS").contains("xdm_e=").contains("tz=")
                .contains("user_id=").contains("lic=").contains("cv=").contains("loc=").contains("cp=").contains("xdm_c=");
        URI uri = URI.create(url);
        String token = uri.getRawQuery().replaceAll(".*jwt=", "");
        JsonNode claims = Tokens.claims(token);
        assertThat(claims.path("qsh").asText()).isEqualTo(Canonical.qsh("GET", uri.getRawPath(), uri.getRawQuery(), "/ferry"));
        assertThat(claims.path("sub").asText()).isNotBlank();
        assertThat(Tokens.claims(jira.site().contextToken(context)).path("qsh").asText()).isEqualTo("context-qsh");
    }

    @Test
    void theConfigurePageAddressServesJirasPageFramingTheModuleSignedForTheSiteAdmin() throws Exception {
        HttpResponse<String> page = browse("/plugins/servlet/ac/ferry-for-jira/ferry-configure");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("<title>Configure Ferry</title>");
        Matcher frame = Pattern.compile("<iframe id=\"ferry-for-jira__ferry-configure\" src=\"([^\"]+)\"").matcher(page.body());
        assertThat(frame.find()).isTrue();
        String src = frame.group(1).replace("&amp;", "&");
        assertThat(src).startsWith("http://127.0.0.1:" + app.port() + "/ferry/configure?")
                .contains("xdm_e=" + URLEncoder.encode(jira.baseUrl(), StandardCharsets.UTF_8));
        URI uri = URI.create(src);
        String token = uri.getRawQuery().replaceAll(".*jwt=", "");
        assertThat(Tokens.verifiesHs256(token, jira.site().secret())).isTrue();
        JsonNode claims = Tokens.claims(token);
        assertThat(claims.path("iss").asText()).isEqualTo(jira.site().identity().clientKey());
        assertThat(claims.path("qsh").asText()).isEqualTo(Canonical.qsh("GET", "/configure",
                uri.getRawQuery().replaceAll("&jwt=.*", ""), ""));
        assertThat(claims.path("exp").asLong()).isGreaterThan(Instant.now().getEpochSecond());

        jira.site().reinstall();
        String again = browse("/plugins/servlet/ac/ferry-for-jira/ferry-configure").body();
        assertThat(Tokens.verifiesHs256(again.replaceAll("(?s).*jwt=([^\"&]+).*", "$1"), jira.site().secret()))
                .as("each visit signs with the site's current secret").isTrue();
    }

    @Test
    void anUnknownAppAModuleThatIsNoPageOrAnUninstalledAppIsAPlainNotFound() throws Exception {
        for (String path : List.of("/plugins/servlet/ac/other-app/ferry-configure",
                "/plugins/servlet/ac/ferry-for-jira/no-such-module", "/plugins/servlet/ac/ferry-for-jira/ferry-issue-panel",
                "/plugins/servlet/ac/ferry-for-jira")) {
            HttpResponse<String> answer = browse(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            assertThat(answer.body()).doesNotContain("jwt=").doesNotContain("<");
        }
        assertThat(browse("/plugins/servlet/ac/other-app/ferry-configure").body())
                .isEqualTo("No installed app other-app with a page module ferry-configure\n");
        jira.site().uninstall();
        assertThat(browse("/plugins/servlet/ac/ferry-for-jira/ferry-configure").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> browse(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(jira.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private List<LoggedRequest> posted(String path) {
        return app.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(path)));
    }

    private static boolean verifiesRs256(String token, String pem) throws Exception {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        var key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        String[] parts = token.split("\\.");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key);
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return rsa.verify(Base64.getUrlDecoder().decode(parts[2]));
    }

    /** Fetches a key from the simulator's key server without credentials, as an app does. */
    private record AppClientFor(JiraSimulator jira) {
        String get(String url) {
            var reply = new dev.ferry.simulator.app.AppClient().get(url, Map.of());
            assertThat(reply.status()).isEqualTo(200);
            return reply.body();
        }
    }
}
