package dev.ferry.simulator.demo;

import java.io.IOException;
import java.net.CookieManager;
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
 * Ferry's admin UI over HTTP, as a browser without script uses it: a cookie jar, forms posted with the session's
 * CSRF token, redirects not followed (each step checks where Ferry sends the browser). The demo signs in as its
 * first admin with this, so what it adds belongs to the organization a person sees after signing in.
 */
final class DemoConsole {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");
    /** Adding a connection makes Ferry's first calls to Jira from cold JVMs: well over ten seconds on a busy machine. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final FerryProcess ferry;

    private DemoConsole(FerryProcess ferry) {
        this.ferry = ferry;
    }

    /**
     * Signs in with the first admin's configured password and, as Ferry asks at the first sign-in, chooses
     * {@code chosen}; the session then goes on with the new password's session id.
     */
    static DemoConsole firstSignIn(FerryProcess ferry, String email, String password, String chosen) {
        DemoConsole console = new DemoConsole(ferry);
        HttpResponse<String> signedIn = console.post("/admin/login", "email", email, "password", password);
        if (signedIn.statusCode() != 302 || location(signedIn).contains("/admin/login")) {
            throw new DemoRefusal("Ferry refused the demo admin's sign-in (HTTP " + signedIn.statusCode() + " "
                    + location(signedIn) + "); see " + ferry.log());
        }
        HttpResponse<String> changed = console.post("/admin/password", "current", password, "chosen", chosen,
                "repeated", chosen);
        console.expect(changed, 303, "the password change");
        return console;
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    /** A form post with the session's CSRF token (read afresh: sign-in and a password change issue new ones). */
    HttpResponse<String> post(String path, String... fields) {
        StringJoiner form = new StringJoiner("&");
        for (int i = 0; i < fields.length; i += 2) {
            form.add(encode(fields[i]) + "=" + encode(fields[i + 1]));
        }
        form.add("_csrf=" + encode(csrfToken()));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    /** Fails the demo, in one line, unless Ferry answered {@code status}. */
    HttpResponse<String> expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new DemoRefusal("Ferry refused " + what + " (HTTP " + response.statusCode() + " "
                    + location(response) + "); see " + ferry.log());
        }
        return response;
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    /** The token belongs to the session, not the page: any console page carries it in a meta tag. */
    private String csrfToken() {
        HttpResponse<String> page = get("/admin/login");
        if (page.statusCode() == 302) {
            page = get("/admin/password");
        }
        Matcher meta = CSRF_META.matcher(page.body());
        if (!meta.find()) {
            throw new DemoRefusal("Ferry's admin UI showed no CSRF token (HTTP " + page.statusCode() + "); see " + ferry.log());
        }
        return meta.group(1);
    }

    private HttpRequest.Builder request(String path) {
        URI uri = path.startsWith("http") ? URI.create(path) : URI.create(ferry.baseUrl() + path);
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "text/html");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DemoRefusal("Ferry did not answer " + built.uri().getPath() + " (" + e + "); see " + ferry.log());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoRefusal("interrupted while calling Ferry");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
