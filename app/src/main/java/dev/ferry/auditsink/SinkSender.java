package dev.ferry.auditsink;

import dev.ferry.url.BlockedAddressException;
import dev.ferry.url.OutboundGuard;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Posts one NDJSON body to a sink with its headers. The URL passes the outbound guard again before every post (a
 * name may resolve elsewhere since it was saved) and redirects are never followed, so a sink cannot send Ferry
 * inside; a 3xx is a failed post that says so.
 */
@Component
class SinkSender {

    static final String NDJSON = "application/x-ndjson";

    private final OutboundGuard guard;
    private final SinkProperties properties;
    private final HttpClient http;

    SinkSender(OutboundGuard guard, SinkProperties properties) {
        this.guard = guard;
        this.properties = properties;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.timeout()).build();
    }

    /** What one post got: an HTTP status and the start of the answer, or why there was none. */
    record Sent(Integer status, String answer, String error) {

        boolean accepted() {
            return status != null && status / 100 == 2;
        }

        /** Why the post counts as failed; null when it was accepted. */
        String failure() {
            if (accepted()) {
                return null;
            }
            return error != null ? error : "the sink answered " + status;
        }
    }

    Sent post(String url, Map<String, String> headers, String body) {
        URI uri = URI.create(url);
        try {
            guard.checkCallback(uri);
        } catch (BlockedAddressException e) {
            return new Sent(null, null, "not sent: " + e.getMessage());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(properties.timeout())
                .header("User-Agent", "Ferry-AuditSink/1");
        headers.forEach(request::setHeader);
        request.setHeader("Content-Type", NDJSON).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            String answer = clipped(response.body());
            if (status / 100 == 3) {
                return new Sent(status, answer, "the sink answered " + status + " (a redirect to "
                        + response.headers().firstValue("Location").orElse("nowhere")
                        + "): Ferry does not follow redirects; give the final URL");
            }
            return new Sent(status, answer, null);
        } catch (HttpTimeoutException e) {
            return new Sent(null, null, "no answer within " + properties.timeout().toSeconds() + " s");
        } catch (IOException e) {
            return new Sent(null, null, "could not reach the sink: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Sent(null, null, "interrupted while sending");
        }
    }

    /** Only the start of the answer is read: a sink cannot make Ferry hold a large one. */
    private String clipped(InputStream body) throws IOException {
        try (body) {
            return new String(body.readNBytes(properties.answerLimit()), StandardCharsets.UTF_8);
        }
    }
}
