package dev.ferry.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.simulator.rest.Users;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulated auth.atlassian.com over real HTTP: consent, code exchange, rotating refresh, expiry, revocation. */
class SimulatedOAuthTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String CALLBACK = "http://127.0.0.1:9/oauth/callback";
    private static final String SCOPES = "read:jira-work write:jira-work read:jira-user offline_access";
    private final MovableClock clock = new MovableClock();
    private JiraSimulator jira;

    @BeforeEach
    void start() {
        jira = JiraSimulator.start(clock);
        jira.oauth().registerClient("ferry-client", "ferry-secret", CALLBACK);
    }

    @AfterEach
    void stop() {
        jira.close();
    }

    @Test
    void theConsentButtonRedirectsWithACodeThatBuysTokensForTheGateway() throws Exception {
        Map<String, String> back = consent(SCOPES, "accept");
        assertThat(back.get("state")).isEqualTo("st-1");

        JsonNode tokens = token(Map.of("grant_type", "authorization_code", "client_id", "ferry-client",
                "client_secret", "ferry-secret", "code", back.get("code"), "redirect_uri", CALLBACK)).json();

        assertThat(tokens.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(tokens.path("expires_in").asLong()).isEqualTo(3600);
        assertThat(tokens.path("scope").asText()).isEqualTo(SCOPES);
        assertThat(tokens.path("refresh_token").asText()).isNotBlank();
        var me = gateway(tokens.path("access_token").asText());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(me.body()).path("accountId").asText()).isEqualTo(Users.ADMIN_ACCOUNT_ID);
        assertThat(bearer(jira.baseUrl() + "/rest/api/3/myself", tokens.path("access_token").asText()).statusCode())
                .as("an OAuth token works only through the gateway").isEqualTo(401);
    }

    @Test
    void accessibleResourcesListTheSiteWithTheGrantedScopes() throws Exception {
        String access = exchange(SCOPES).path("access_token").asText();

        var response = bearer(jira.gatewayUrl() + "/oauth/token/accessible-resources", access);

        JsonNode site = JSON.readTree(response.body()).get(0);
        assertThat(site.path("id").asText()).isEqualTo(jira.cloudId());
        assertThat(site.path("url").asText()).isEqualTo(jira.baseUrl());
        assertThat(site.path("name").asText()).isNotBlank();
        assertThat(site.path("avatarUrl").asText()).startsWith("https://");
        assertThat(site.path("scopes").toString()).isEqualTo("[\"read:jira-work\",\"write:jira-work\",\"read:jira-user\"]");
        assertThat(bearer(jira.gatewayUrl() + "/oauth/token/accessible-resources", "nope").statusCode()).isEqualTo(401);
    }

    @Test
    void aCodeWorksOnceAndOnlyForItsClientSecretAndRedirect() throws Exception {
        String code = consent(SCOPES, "accept").get("code");
        Map<String, String> exchange = new LinkedHashMap<>(Map.of("grant_type", "authorization_code",
                "client_id", "ferry-client", "client_secret", "wrong", "code", code, "redirect_uri", CALLBACK));

        Reply wrongSecret = token(exchange);
        exchange.put("client_secret", "ferry-secret");
        Reply first = token(exchange);
        Reply again = token(exchange);

        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.json().path("error").asText()).isEqualTo("access_denied");
        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(403);
        assertThat(again.json().path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void refreshTokensRotateAndTheUsedOneIsInvalidGrant() throws Exception {
        JsonNode first = exchange(SCOPES);
        String oldRefresh = first.path("refresh_token").asText();

        Reply refreshed = refresh(oldRefresh);
        Reply reused = refresh(oldRefresh);

        assertThat(refreshed.status()).isEqualTo(200);
        String newRefresh = refreshed.json().path("refresh_token").asText();
        assertThat(newRefresh).isNotBlank().isNotEqualTo(oldRefresh);
        assertThat(refreshed.json().path("access_token").asText()).isNotEqualTo(first.path("access_token").asText());
        assertThat(reused.status()).isEqualTo(403);
        assertThat(reused.json().path("error").asText()).isEqualTo("invalid_grant");
        assertThat(reused.json().path("error_description").asText()).isEqualTo("Unknown or invalid refresh token.");
        assertThat(refresh(newRefresh).status()).isEqualTo(200);
    }

    @Test
    void anAccessTokenExpiresOnTheSimulatorsClockAndARefreshBuysANewOne() throws Exception {
        jira.oauth().accessTokenLifetime(Duration.ofMinutes(5));
        JsonNode tokens = exchange(SCOPES);
        assertThat(tokens.path("expires_in").asLong()).isEqualTo(300);

        clock.advance(Duration.ofMinutes(5));

        assertThat(gateway(tokens.path("access_token").asText()).statusCode()).isEqualTo(401);
        String fresh = refresh(tokens.path("refresh_token").asText()).json().path("access_token").asText();
        assertThat(gateway(fresh).statusCode()).isEqualTo(200);
    }

    @Test
    void aRevokedGrantRefusesItsAccessAndRefreshTokens() throws Exception {
        JsonNode tokens = exchange(SCOPES);

        jira.oauth().revoke("ferry-client", Users.ADMIN_ACCOUNT_ID);

        assertThat(gateway(tokens.path("access_token").asText()).statusCode()).isEqualTo(401);
        Reply refused = refresh(tokens.path("refresh_token").asText());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void aReadOnlyConsentCannotWriteAndAJiraConsentCannotReadConfluence() throws Exception {
        String access = exchange("read:jira-work read:jira-user").path("access_token").asText();
        String jira = this.jira.gatewayUrl() + "/ex/jira/" + this.jira.cloudId();
        String issue = "{\"fields\":{\"project\":{\"key\":\"FERRY\"},\"issuetype\":{\"name\":\"Task\"},\"summary\":\"x\"}}";

        var write = HTTP.send(HttpRequest.newBuilder(URI.create(jira + "/rest/api/3/issue"))
                .header("Authorization", "Bearer " + access).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(issue)).build(), HttpResponse.BodyHandlers.ofString());
        var confluence = bearer(this.jira.gatewayUrl() + "/ex/confluence/" + this.jira.cloudId() + "/wiki/api/v2/pages", access);

        assertThat(write.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(write.body()).path("message").asText()).isEqualTo("Unauthorized; scope does not match");
        assertThat(confluence.statusCode()).isEqualTo(401);
        assertThat(bearer(jira + "/rest/api/3/project/search", access).statusCode()).isEqualTo(200);
        assertThat(this.jira.data().issueCount()).isZero();
    }

    @Test
    void thePrioritySearchNeedsConfigurationScopeWhereTheCreateScreenNeedsOnlyAWorkScope() throws Exception {
        String jira = this.jira.gatewayUrl() + "/ex/jira/" + this.jira.cloudId();
        String work = exchange("read:jira-work write:jira-work").path("access_token").asText();
        String manage = exchange("read:jira-work manage:jira-configuration").path("access_token").asText();

        var refused = bearer(jira + "/rest/api/3/priority/search", work);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(refused.body()).path("message").asText()).isEqualTo("Unauthorized; scope does not match");
        assertThat(bearer(jira + "/rest/api/3/issue/createmeta/FERRY/issuetypes/10001", work).statusCode()).isEqualTo(200);
        assertThat(bearer(jira + "/rest/api/3/priority/search", manage).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutOfflineAccessThereIsNoRefreshToken() throws Exception {
        JsonNode tokens = exchange("read:jira-work");

        assertThat(tokens.has("refresh_token")).isFalse();
        assertThat(tokens.path("access_token").asText()).isNotBlank();
    }

    @Test
    void theConsentingUserIsWhoTheTokenActsFor() throws Exception {
        jira.oauth().consentAs(Users.MEMBER_ACCOUNT_ID);

        var me = gateway(exchange(SCOPES).path("access_token").asText());

        assertThat(JSON.readTree(me.body()).path("accountId").asText()).isEqualTo(Users.MEMBER_ACCOUNT_ID);
    }

    @Test
    void cancellingRedirectsWithAccessDeniedAndAnUnregisteredCallbackGetsAnErrorPage() throws Exception {
        Map<String, String> back = consent(SCOPES, "deny");
        var unregistered = get(jira.authUrl() + "/authorize?" + query(Map.of("audience", "api.atlassian.com",
                "client_id", "ferry-client", "scope", SCOPES, "redirect_uri", "https://evil.example/cb", "state", "s",
                "response_type", "code", "prompt", "consent")));

        assertThat(back.get("error")).isEqualTo("access_denied");
        assertThat(back.get("state")).isEqualTo("st-1");
        assertThat(back).doesNotContainKey("code");
        assertThat(unregistered.statusCode()).isEqualTo(400);
    }

    /** Opens the consent page, submits its form with the chosen button, and reads the redirect's parameters. */
    private Map<String, String> consent(String scopes, String decision) throws Exception {
        var page = get(jira.authUrl() + "/authorize?" + query(Map.of("audience", "api.atlassian.com",
                "client_id", "ferry-client", "scope", scopes, "redirect_uri", CALLBACK, "state", "st-1",
                "response_type", "code", "prompt", "consent")));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<script").contains("value=\"" + decision + "\"");
        Matcher action = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"").matcher(page.body());
        assertThat(action.find()).isTrue();
        Map<String, String> form = new LinkedHashMap<>();
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(page.body());
        while (hidden.find()) {
            form.put(hidden.group(1), hidden.group(2).replace("&amp;", "&").replace("&quot;", "\""));
        }
        form.put("decision", decision);
        var redirect = HTTP.send(HttpRequest.newBuilder(URI.create(action.group(1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(query(form))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(CALLBACK + "?");
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            params.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return params;
    }

    private JsonNode exchange(String scopes) throws Exception {
        Reply reply = token(Map.of("grant_type", "authorization_code", "client_id", "ferry-client",
                "client_secret", "ferry-secret", "code", consent(scopes, "accept").get("code"), "redirect_uri", CALLBACK));
        assertThat(reply.status()).isEqualTo(200);
        return reply.json();
    }

    private Reply refresh(String refreshToken) throws Exception {
        return token(Map.of("grant_type", "refresh_token", "client_id", "ferry-client", "client_secret", "ferry-secret",
                "refresh_token", refreshToken));
    }

    private Reply token(Map<String, String> body) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(jira.authUrl() + "/oauth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), JSON.readTree(response.body()));
    }

    private HttpResponse<String> gateway(String accessToken) throws Exception {
        return bearer(jira.gatewayUrl() + "/ex/jira/" + jira.cloudId() + "/rest/api/3/myself", accessToken);
    }

    private static HttpResponse<String> bearer(String url, String accessToken) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + accessToken).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String query(Map<String, String> params) {
        return params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private record Reply(int status, JsonNode json) {
    }
}
