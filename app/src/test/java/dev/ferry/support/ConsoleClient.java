package dev.ferry.support;

import dev.ferry.account.People;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The admin console over real HTTP, as a browser without JavaScript uses it: a cookie jar, forms posted
 * with the page's CSRF token, redirects not followed (so a test sees them).
 *
 * <pre>{@code
 * var console = ConsoleClient.signIn(port, people.create(orgId, Role.MEMBER));
 * assertThat(console.post("/admin/destinations", "projectKey", "OPS").statusCode()).isEqualTo(403);
 * }</pre>
 */
public final class ConsoleClient {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String csrfToken;

    private ConsoleClient(int port) {
        this.port = port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Nobody signed in yet. */
    public static ConsoleClient anonymous(int port) {
        return new ConsoleClient(port);
    }

    /** Signed in as this person; fails unless the sign-in was accepted. */
    public static ConsoleClient signIn(int port, People.Login login) {
        ConsoleClient console = new ConsoleClient(port);
        var answer = console.signIn(login.email(), login.password());
        if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("/admin/login")) {
            throw new IllegalStateException("sign-in as " + login.email() + " refused: " + answer.statusCode() + " "
                    + answer.headers().firstValue("Location").orElse(""));
        }
        return console;
    }

    /** Sends this header (say, {@code X-Forwarded-For}) with every later request; null stops sending it. */
    public ConsoleClient header(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return this;
    }

    /** Posts the login form; the answer is the 302 Spring Security sends (home, or back to the form). */
    public HttpResponse<String> signIn(String email, String password) {
        csrfToken = null;
        var answer = post("/admin/login", "email", email, "password", password);
        csrfToken = null; // sign-in issues a new token
        return answer;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    /** A form post with this session's CSRF token; {@code fields} are name, value pairs. */
    public HttpResponse<String> post(String path, String... fields) {
        return postWithToken(path, csrfToken(), fields);
    }

    /** A form post with no CSRF token at all. */
    public HttpResponse<String> postWithoutCsrf(String path, String... fields) {
        return postWithToken(path, null, fields);
    }

    /** The session cookie, once the server has set one. */
    public Optional<HttpCookie> sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("FERRY_SESSION")).findFirst();
    }

    /**
     * This session's CSRF token, read from a page's meta tag (the token belongs to the session, not the
     * page): the login page, or the change-password page for a person who must change it first.
     */
    public String csrfToken() {
        if (csrfToken == null) {
            var page = get("/admin/login");
            if (page.statusCode() == 302) {
                page = get("/admin/password");
            }
            Matcher meta = CSRF_META.matcher(page.body());
            if (!meta.find()) {
                throw new IllegalStateException("no CSRF token on the page: " + page.statusCode());
            }
            csrfToken = meta.group(1);
        }
        return csrfToken;
    }

    private HttpResponse<String> postWithToken(String path, String token, String... fields) {
        StringJoiner form = new StringJoiner("&");
        for (int i = 0; i < fields.length; i += 2) {
            form.add(encode(fields[i]) + "=" + encode(fields[i + 1]));
        }
        if (token != null) {
            form.add("_csrf=" + encode(token));
        }
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).header("Accept", "text/html");
        headers.forEach(builder::header);
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
