package dev.ferry.simulator.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Connect with Atlassian" (OAuth 2.0 3LO) clicked through as a browser does: start in the console, accept on
 * the simulator's consent page, come back to Ferry's callback with the console session (the state is bound to
 * it), tick the site on the pick page. The same steps as the app's test helper {@code e2e/OAuthConnections}.
 */
final class DemoOAuth {

    private static final String BASE = "/admin/connections/oauth";
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    private static final Pattern FORM_ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\">");
    private static final Pattern SITE_BOX = Pattern.compile("name=\"site\" value=\"([^\"]+)\"");

    /** The consent page is the simulator's, on another port: no cookie of Ferry's goes there. */
    private final HttpClient atlassian = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final DemoConsole console;

    DemoOAuth(DemoConsole console) {
        this.console = console;
    }

    /** Connects the simulated site; Ferry ends at the connections list. */
    void connect() {
        String authorize = DemoConsole.location(console.expect(console.post(BASE + "/start"), 303, "Connect with Atlassian"));
        URI callback = URI.create(accept(authorize));
        String pick = DemoConsole.location(console.expect(
                console.get(callback.getRawPath() + "?" + callback.getRawQuery()), 303, "the OAuth callback"));
        HttpResponse<String> page = console.expect(console.get(pick), 200, "the site pick page");
        Matcher site = SITE_BOX.matcher(page.body());
        if (!pick.contains("grant=") || !site.find()) {
            throw new DemoRefusal("Ferry's site pick page offered no site to connect (" + pick + ")");
        }
        String grant = pick.substring(pick.indexOf("grant=") + "grant=".length());
        console.expect(console.post(BASE + "/pick", "grant", grant, "site", site.group(1)), 303, "the picked site");
    }

    /** Opens the consent page and presses Accept; answers where Atlassian sends the browser back. */
    private String accept(String authorizeUrl) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(authorizeUrl)).GET(), 200, "consent page");
        Matcher action = FORM_ACTION.matcher(page.body());
        if (!action.find()) {
            throw new DemoRefusal("the simulator's consent page has no form: " + page.body());
        }
        StringJoiner form = new StringJoiner("&");
        Matcher hidden = HIDDEN.matcher(page.body());
        while (hidden.find()) {
            form.add(hidden.group(1) + "=" + URLEncoder.encode(unescape(hidden.group(2)), StandardCharsets.UTF_8));
        }
        form.add("decision=accept");
        HttpResponse<String> accepted = send(HttpRequest.newBuilder(URI.create(unescape(action.group(1))))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())), 302, "consent");
        return DemoConsole.location(accepted);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, int expected, String what) {
        try {
            HttpResponse<String> response = atlassian.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new DemoRefusal("the simulator's " + what + " answered HTTP " + response.statusCode() + ": "
                        + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new DemoRefusal("the simulator's " + what + " did not answer (" + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoRefusal("interrupted while consenting");
        }
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
