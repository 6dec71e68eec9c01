package dev.ferry.simulator.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.simulator.app.AppClient;
import dev.ferry.simulator.rest.Users;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Connects the simulated site to the console admin's own organization in each of Ferry's three ways, so the admin
 * UI's Connections page shows all of them: the installed app (linked, confirmed on Ferry's configure page as the
 * site's Jira administrator), an API token (over the product API, with a key the admin creates in the console)
 * and "Connect with Atlassian" (OAuth, clicked through by {@link DemoOAuth}).
 */
final class DemoConnections {

    /** The API-token connection's account on the simulated site; the token is the simulator's, not a secret. */
    static final String ACCOUNT_ID = "557058:demo-dana";
    static final String EMAIL = "dana@demo.example";
    static final String TOKEN = "ATATT3xFfGF0-demo-classic-token";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEW_KEY = Pattern.compile("<code class=\"secret\" id=\"new-key\">([^<]+)</code>");
    private static final Pattern CONFIRM = Pattern.compile("<form method=\"post\" action=\"([^\"]+/confirm\\?[^\"]+)\"");
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

    /** The demo's API key and the API-token connection's id (its {@code site} in the product API). */
    record Connected(String apiKey, String apiTokenSite) {
    }

    /** Signs in as the first admin (choosing the demo's second password), connects three ways, prints the list. */
    Connected connectEachWay() {
        DemoConsole console = DemoConsole.firstSignIn(ferry, FerryProcess.ADMIN_EMAIL, FerryProcess.ADMIN_PASSWORD,
                FerryProcess.ADMIN_CHOSEN_PASSWORD);
        say.accept("signed in to the admin UI as " + FerryProcess.ADMIN_EMAIL + " and chose the password "
                + FerryProcess.ADMIN_CHOSEN_PASSWORD + ", as Ferry asks at the first sign-in");
        String key = apiKey(console);
        linkInstall(key);
        String apiTokenSite = apiToken(key);
        new DemoOAuth(console).connect();
        say.accept("connected the site with Atlassian (OAuth): consent on the simulator, site picked in the admin UI");
        show(key);
        return new Connected(key, apiTokenSite);
    }

    /**
     * The Forge mode's connection: signs in as the first admin, creates the API key and asks to link the site, whose
     * Jira administrator confirms on the Forge admin page (its remote calls, as Jira makes them); prints the list.
     */
    String connectForge() {
        DemoConsole console = DemoConsole.firstSignIn(ferry, FerryProcess.ADMIN_EMAIL, FerryProcess.ADMIN_PASSWORD,
                FerryProcess.ADMIN_CHOSEN_PASSWORD);
        say.accept("signed in to the admin UI as " + FerryProcess.ADMIN_EMAIL + " and chose the password "
                + FerryProcess.ADMIN_CHOSEN_PASSWORD + ", as Ferry asks at the first sign-in");
        String key = apiKey(console);
        AppClient.Reply requested = post("/api/v1/sites", key, "{\"site\": \"" + jira.baseUrl() + "\"}");
        if (requested.status() == 202) {
            JsonNode page = json(jira.forge().invokeRemote(DemoForge.CONFIGURE, "GET", "/forge/ui/configure",
                    Users.ADMIN_ACCOUNT_ID, null, null).body());
            for (JsonNode request : page.path("requests")) {
                int confirmed = jira.forge().invokeRemote(DemoForge.CONFIGURE, "POST", "/forge/ui/configure/requests/"
                        + request.path("id").asText() + "/confirm", Users.ADMIN_ACCOUNT_ID, null, null).status();
                if (confirmed != 200) {
                    throw new DemoRefusal("the Forge admin page did not confirm the link (HTTP " + confirmed + "); see "
                            + ferry.log());
                }
            }
        } else if (requested.status() != 200) {
            throw new DemoRefusal("Ferry refused to link the Forge site (HTTP " + requested.status() + "): "
                    + requested.body());
        }
        say.accept("linked the Forge-installed site " + jira.baseUrl() + " to '" + FerryProcess.ORGANIZATION
                + "' (confirmed on the Forge admin page as the site's Jira administrator)");
        show(key);
        return key;
    }

    /** The console's API keys page shows a new key's text once, on the page that created it. */
    private String apiKey(DemoConsole console) {
        HttpResponse<String> page = console.expect(console.post("/admin/api-keys", "name", "Demo",
                "scopes", "config:read", "scopes", "config:write", "scopes", "links:read", "scopes", "links:write"), 200, "the demo's API key");
        Matcher key = NEW_KEY.matcher(page.body());
        if (!key.find()) {
            throw new DemoRefusal("Ferry's API keys page showed no new key; see " + ferry.log());
        }
        say.accept("created the API key 'Demo' (config:read, config:write, links:read, links:write) on the admin UI's API keys page");
        return key.group(1).strip();
    }

    /** Asks to link the installed site; its Jira administrator confirms on Ferry's configure page. */
    private void linkInstall(String key) {
        String clientKey = jira.site().identity().clientKey();
        AppClient.Reply requested = post("/api/v1/sites", key, "{\"site\": \"" + clientKey + "\"}");
        if (requested.status() == 202) {
            AppClient.Reply page = new AppClient().get(jira.site().configurePageUrl(), Map.of());
            Matcher confirm = CONFIRM.matcher(page.body());
            int confirmed = confirm.find() ? send(HttpRequest.newBuilder(URI.create(unescape(confirm.group(1))))
                    .POST(HttpRequest.BodyPublishers.noBody()), "/configure").status() : page.status();
            if (confirmed != 303) {
                throw new DemoRefusal("the configure page did not confirm the link (HTTP " + confirmed + "); see " + ferry.log());
            }
        } else if (requested.status() != 200) {
            throw new DemoRefusal("Ferry refused to link the installed site (HTTP " + requested.status() + "): "
                    + requested.body());
        }
        say.accept("linked the installed site " + clientKey + " to '" + FerryProcess.ORGANIZATION
                + "' (confirmed on the configure page as the site's Jira administrator)");
    }

    /** An account of the simulated site with an API token, posted as a product's backend does. */
    private String apiToken(String key) {
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
        String id = json(added.body()).path("id").asText();
        say.accept("added the API-token connection " + id + " as " + EMAIL + " -> Ferry answered HTTP " + added.status());
        return id;
    }

    /** What the admin UI's Connections page lists, read from the product API. */
    private void show(String key) {
        AppClient.Reply list = send(HttpRequest.newBuilder(URI.create(ferry.baseUrl() + "/api/v1/connections"))
                .header("Authorization", "Bearer " + key).GET(), "/api/v1/connections");
        JsonNode connections = json(list.body());
        JsonNode items = connections.isArray() ? connections : connections.path("connections");
        say.accept("connections of '" + FerryProcess.ORGANIZATION + "' (" + ferry.baseUrl() + "/admin/connections):");
        for (JsonNode c : items) {
            String account = c.path("account").path("displayName").asText("");
            say.accept("  " + c.path("kind").asText() + " to " + c.path("siteUrl").asText() + " via "
                    + c.path("route").asText() + (account.isEmpty() ? "" : ", as " + account) + ", health: " + health(c));
            c.path("notes").forEach(note -> say.accept("    note: " + note.asText()));
        }
    }

    private AppClient.Reply post(String path, String bearer, String json) {
        return send(HttpRequest.newBuilder(URI.create(ferry.baseUrl() + path)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)), path);
    }

    private AppClient.Reply send(HttpRequest.Builder request, String path) {
        try {
            HttpResponse<String> response = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
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

    /** Mustache escapes {@code =} in attribute values; the browser reads it back. */
    private static String unescape(String attribute) {
        return attribute.replace("&#x3D;", "=").replace("&#61;", "=").replace("&amp;", "&");
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Ferry's answer is not JSON", e);
        }
    }
}
