package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.account.People;
import dev.ferry.principal.Role;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.support.ConsoleClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Connect with Atlassian" over real HTTP, as a person's browser would go through it: sign in to the console,
 * start, approve on the simulator's consent page, come back to the callback, pick the site. Journeys that run
 * over an OAuth connection make theirs here:
 *
 * <pre>{@code
 * var acme = organizations.create("Acme");
 * String site = OAuthConnections.connect(journey, people, acme.id());   // an oauth-… id, usable as "site"
 * }</pre>
 */
final class OAuthConnections {

    static final String BASE = "/admin/connections/oauth";
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    private static final Pattern FORM_ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\">");
    private static final Pattern SITE_BOX = Pattern.compile("name=\"site\" value=\"([^\"]+)\"");
    private static final Pattern CONNECTION_ROW = Pattern.compile("data-testid=\"oauth-connection\" data-id=\"([^\"]+)\"");
    private static final HttpClient ATLASSIAN = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private OAuthConnections() {
    }

    /** Registers Ferry's OAuth app with the simulated Atlassian (idempotent): the journeys' client id and callback. */
    static void registerClient(Journey journey) {
        journey.jira().oauth().registerClient(Journey.OAUTH_CLIENT_ID, Journey.OAUTH_CLIENT_SECRET,
                journey.url() + BASE + "/callback");
    }

    /** A new Admin of the organization connects {@link Journey#jira()} with Atlassian; answers the connection's id. */
    static String connect(Journey journey, People people, String organizationId) {
        return connect(journey, ConsoleClient.signIn(journey.port(), people.create(organizationId, Role.ADMIN)));
    }

    /** This signed-in Admin or Manager connects {@link Journey#jira()} with Atlassian; answers the connection's id. */
    static String connect(Journey journey, ConsoleClient console) {
        registerClient(journey);
        List<String> before = connectionIds(console);
        HttpResponse<String> picked = pickTheSite(console, consent(journey.jira(), start(console, null)));
        assertThat(picked.statusCode()).as(picked.body()).isEqualTo(303);
        List<String> after = connectionIds(console);
        after.removeAll(before);
        assertThat(after).hasSize(1);
        return after.get(0);
    }

    /** Back at Ferry's callback from the consent, picks the one site the grant reaches; answers Ferry's answer to that. */
    static HttpResponse<String> pickTheSite(ConsoleClient console, String callbackUrl) {
        String pick = callback(console, callbackUrl).headers().firstValue("Location").orElseThrow();
        assertThat(pick).contains(BASE + "/pick?grant=");
        HttpResponse<String> page = console.get(pick);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Matcher site = SITE_BOX.matcher(page.body());
        assertThat(site.find()).as(page.body()).isTrue();
        String grant = pick.substring(pick.indexOf("grant=") + 6);
        return console.post(BASE + "/pick", "grant", grant, "site", site.group(1));
    }

    /** Posts the start form ({@code connection}: reconnect it); answers Atlassian's consent URL Ferry redirected to. */
    static String start(ConsoleClient console, String connection) {
        HttpResponse<String> started = connection == null ? console.post(BASE + "/start")
                : console.post(BASE + "/start", "connection", connection);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(303);
        return started.headers().firstValue("Location").orElseThrow();
    }

    /** Opens the consent page and clicks Accept; answers where Atlassian sends the browser back (the callback). */
    static String consent(JiraSimulator jira, String authorizeUrl) {
        return decide(authorizeUrl, "accept");
    }

    /** Opens the consent page and clicks {@code decision} ("accept" or "deny"); answers the callback URL. */
    static String decide(String authorizeUrl, String decision) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(authorizeUrl)).GET());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Matcher action = FORM_ACTION.matcher(page.body());
        assertThat(action.find()).as(page.body()).isTrue();
        StringJoiner form = new StringJoiner("&");
        Matcher hidden = HIDDEN.matcher(page.body());
        while (hidden.find()) {
            form.add(hidden.group(1) + "=" + URLEncoder.encode(unescape(hidden.group(2)), StandardCharsets.UTF_8));
        }
        form.add("decision=" + decision);
        HttpResponse<String> decided = send(HttpRequest.newBuilder(URI.create(unescape(action.group(1))))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(302);
        return decided.headers().firstValue("Location").orElseThrow();
    }

    /** The browser comes back to Ferry's callback with this session. */
    static HttpResponse<String> callback(ConsoleClient console, String callbackUrl) {
        URI uri = URI.create(callbackUrl);
        return console.get(uri.getRawPath() + "?" + uri.getRawQuery());
    }

    /** The query parameters of a URL. */
    static Map<String, String> query(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    /** The organization's OAuth connections as the Connect with Atlassian page lists them. */
    static List<String> connectionIds(ConsoleClient console) {
        HttpResponse<String> page = console.get(BASE);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        Matcher row = CONNECTION_ROW.matcher(page.body());
        while (row.find()) {
            ids.add(row.group(1));
        }
        return ids;
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return ATLASSIAN.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
