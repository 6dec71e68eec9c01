package dev.ferry.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Jira user opening Ferry's configure page from a signed iframe URL (the simulator's
 * {@code configurePageUrl()}) and pressing its buttons, over real HTTP, as a browser without
 * {@code all.js} would: a post answered with a redirect is followed with a GET, as the browser does.
 *
 * <pre>{@code
 * var page = ConfigurePageVisit.open(jira.site().configurePageUrl());
 * page.codes();                       // the one-time codes shown to an administrator
 * var after = page.confirm(0);        // presses the first "Confirm link" button
 * after.postStatus();                 // 303: the post redirected
 * after.body();                       // the page it redirected to
 * }</pre>
 */
public final class ConfigurePageVisit {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern CONFIRM = Pattern.compile("<form method=\"post\" action=\"([^\"]+/confirm\\?[^\"]+)\"");
    private static final Pattern DECLINE = Pattern.compile("<form method=\"post\" action=\"([^\"]+/decline\\?[^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("data-testid=\"link-code\">([A-Z0-9-]+)<");

    private final int postStatus;
    private final HttpResponse<String> response;

    private ConfigurePageVisit(int postStatus, HttpResponse<String> response) {
        this.postStatus = postStatus;
        this.response = response;
    }

    public static ConfigurePageVisit open(String signedUrl) {
        return new ConfigurePageVisit(0, send(HttpRequest.newBuilder(URI.create(signedUrl)).GET()));
    }

    /** Opens the page and presses every Confirm button on it; answers how many links it confirmed. */
    public static int confirmEveryRequest(String signedUrl) {
        return (int) open(signedUrl).confirmActions().stream().map(ConfigurePageVisit::post)
                .filter(after -> after.status() == 200 && after.body().contains("This site is now linked to")).count();
    }

    /** The status of the page shown: after a post, of the page the post redirected to. */
    public int status() {
        return response.statusCode();
    }

    /** What the post itself answered (303 when it redirected); 0 for a page opened without a post. */
    public int postStatus() {
        return postStatus;
    }

    /** The address of the page shown. */
    public URI uri() {
        return response.uri();
    }

    public String body() {
        return response.body();
    }

    /** Where each Confirm button posts (context token included). */
    public List<String> confirmActions() {
        return all(CONFIRM).stream().map(ConfigurePageVisit::unescape).toList();
    }

    /** Where each Decline button posts (context token included). */
    public List<String> declineActions() {
        return all(DECLINE).stream().map(ConfigurePageVisit::unescape).toList();
    }

    public List<String> codes() {
        return all(CODE);
    }

    /** Presses the n-th Confirm button; the answer is the page Ferry shows next. */
    public ConfigurePageVisit confirm(int index) {
        return post(confirmActions().get(index));
    }

    /** Presses the n-th Decline button; the answer is the page Ferry shows next. */
    public ConfigurePageVisit decline(int index) {
        return post(declineActions().get(index));
    }

    /** Opens the page shown again, as the browser's reload does (a GET: the post is not repeated). */
    public ConfigurePageVisit reload() {
        return new ConfigurePageVisit(0, send(HttpRequest.newBuilder(response.uri()).GET()));
    }

    /** Posts to any URL, for replaying a button's action somewhere it does not belong; follows a 303. */
    public static ConfigurePageVisit post(String url) {
        HttpResponse<String> posted = send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()));
        if (posted.statusCode() != 303) {
            return new ConfigurePageVisit(posted.statusCode(), posted);
        }
        URI next = posted.uri().resolve(posted.headers().firstValue("Location").orElseThrow());
        return new ConfigurePageVisit(posted.statusCode(), send(HttpRequest.newBuilder(next).GET()));
    }

    private List<String> all(Pattern pattern) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(response.body());
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** Mustache escapes {@code =} in attribute values; the browser would read it back. */
    private static String unescape(String attribute) {
        return attribute.replace("&#x3D;", "=").replace("&#61;", "=").replace("&amp;", "&");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
