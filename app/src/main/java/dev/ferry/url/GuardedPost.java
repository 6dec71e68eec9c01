package dev.ferry.url;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * One POST to an address a tenant gave (a callback endpoint, an audit sink). The URL passes the outbound guard
 * again before every post (a name may resolve elsewhere since it was saved), redirects are never followed, so the
 * address cannot send Ferry inside, and only the start of the answer is read, so it cannot make Ferry hold a large one.
 */
public final class GuardedPost {

    /**
     * What one post got: an HTTP status and the start of the answer, or why there was none.
     *
     * @param location a redirect's target (3xx), which Ferry did not follow
     */
    public record Answer(Integer status, String body, String error, String location) {

        public boolean succeeded() {
            return status != null && status / 100 == 2;
        }
    }

    private final OutboundGuard guard;
    private final Duration timeout;
    private final int answerLimit;
    private final String party;
    private final HttpClient http;

    /** @param party what the address is, in the words of a failure: {@code the endpoint}, {@code the sink} */
    public GuardedPost(OutboundGuard guard, Duration timeout, int answerLimit, String party) {
        this.guard = guard;
        this.timeout = timeout;
        this.answerLimit = answerLimit;
        this.party = party;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
    }

    /** Posts {@code body} with {@code headers}, set in their order (a later one replaces an earlier of its name). */
    public Answer post(String url, Map<String, String> headers, String body) {
        URI uri = URI.create(url);
        try {
            guard.checkCallback(uri);
        } catch (BlockedAddressException e) {
            return new Answer(null, null, "not sent: " + e.getMessage(), null);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout);
        headers.forEach(request::setHeader);
        request.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            return new Answer(response.statusCode(), clipped(response.body()), null,
                    response.headers().firstValue("Location").orElse(null));
        } catch (HttpTimeoutException e) {
            return new Answer(null, null, "no answer within " + shown(timeout), null);
        } catch (IOException e) {
            return new Answer(null, null, "could not reach " + party + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, null, "interrupted while sending", null);
        }
    }

    /** A timeout as people read it: {@code 10 s}, or {@code 300 ms} under a second (never "0 s"). */
    public static String shown(Duration timeout) {
        return timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s";
    }

    private String clipped(InputStream body) throws IOException {
        try (body) {
            return new String(body.readNBytes(answerLimit), StandardCharsets.UTF_8);
        }
    }
}
