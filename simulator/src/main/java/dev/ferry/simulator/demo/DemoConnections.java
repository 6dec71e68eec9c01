package dev.ferry.simulator.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.simulator.app.AppClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Connects the simulated site to Ferry the way a product's backend does, over the product API: an Atlassian
 * account with an API token on the site, then {@code POST /api/v1/connections} with an organization's key.
 * The key comes from the operator's endpoint, which creates the organization: the console's first admin has
 * no key to hand out before their first sign-in.
 */
final class DemoConnections {

    /** The API-token connection's account on the simulated site; the token is the simulator's, not a secret. */
    static final String ACCOUNT_ID = "557058:demo-dana";
    static final String EMAIL = "dana@demo.example";
    static final String TOKEN = "ATATT3xFfGF0-demo-classic-token";
    static final String ORGANIZATION = "Demo Product API";

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Adding a connection makes Ferry's first calls to Jira (and the simulator's first spec checks): from cold
     * JVMs that takes well over the ten seconds Jira gives an app.
     */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final JiraSimulator jira;
    private final FerryProcess ferry;
    private final Consumer<String> say;

    DemoConnections(JiraSimulator jira, FerryProcess ferry, Consumer<String> say) {
        this.jira = jira;
        this.ferry = ferry;
        this.say = say;
    }

    /** Adds the API-token connection and prints it with its health; answers its id. */
    String apiToken() {
        String key = organizationKey();
        jira.data().accounts().add(ACCOUNT_ID, EMAIL, "Dana Scully");
        jira.credentials().addApiToken(EMAIL, TOKEN);
        String body = """
                {"kind": "api_token", "siteUrl": "%s", "email": "%s", "token": "%s", "defaultProject": "FERRY"}"""
                .formatted(jira.baseUrl(), EMAIL, TOKEN);
        AppClient.Reply added = post("/api/v1/connections", key, body);
        // 503 is Ferry saying Jira did not answer in time: a simulator in a cold JVM on a busy machine may not.
        for (int retry = 1; added.status() == 503 && retry <= 2; retry++) {
            say.accept("Ferry answered HTTP 503 (the simulated site was slow to answer it); trying again");
            added = post("/api/v1/connections", key, body);
        }
        if (added.status() != 201) {
            throw new DemoRefusal("Ferry refused the API-token connection (HTTP " + added.status() + "): " + added.body());
        }
        JsonNode connection = json(added.body());
        say.accept("API-token connection " + connection.path("id").asText() + " (organization '" + ORGANIZATION
                + "') -> Ferry answered HTTP " + added.status());
        say.accept("  " + connection.path("kind").asText() + " to " + connection.path("siteUrl").asText() + " via "
                + connection.path("route").asText() + ", as " + connection.path("account").path("displayName").asText()
                + " (" + connection.path("email").asText() + "), health: " + health(connection));
        connection.path("notes").forEach(note -> say.accept("  note: " + note.asText()));
        return connection.path("id").asText();
    }

    /*
     * "Connect with Atlassian" (OAuth 2.0 3LO) belongs here once the console's routes are merged. It needs a
     * signed-in console session (the state is bound to it): GET /admin/connections/oauth/start, follow the
     * redirect to the simulator's consent page ({authUrl}/authorize) and press its button, follow the redirect
     * to /admin/connections/oauth/callback, then choose the site on /admin/connections/oauth/pick. Ferry is
     * started with the OAuth client FerryProcess.OAUTH_CLIENT_ID, registered in the simulator by Demo, so a
     * person can already click it through in the console.
     */

    /** The operator's endpoint creates an organization and hands back its first key, this once. */
    private String organizationKey() {
        AppClient.Reply created = post("/api/v1/organizations", FerryProcess.OPERATOR_TOKEN,
                "{\"name\": \"" + ORGANIZATION + "\", \"preset\": \"experimentation\"}");
        if (created.status() != 201) {
            throw new DemoRefusal("Ferry refused to create the demo's API organization (HTTP " + created.status() + ")");
        }
        return json(created.body()).path("apiKey").path("key").asText();
    }

    private AppClient.Reply post(String path, String bearer, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ferry.baseUrl() + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new AppClient.Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new DemoRefusal("Ferry did not answer " + path + " (" + e + "); see " + ferry.log());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoRefusal("interrupted while calling Ferry");
        }
    }

    private static String health(JsonNode connection) {
        JsonNode health = connection.path("health");
        String message = health.path("message").asText("");
        return health.path("state").asText() + (message.isEmpty() ? "" : " (" + message + ")");
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Ferry's answer is not JSON", e);
        }
    }
}
