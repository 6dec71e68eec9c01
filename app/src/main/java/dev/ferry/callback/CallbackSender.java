package dev.ferry.callback;

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
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Posts one message to one endpoint, signed. The URL passes the outbound guard again before every call (a name may
 * resolve elsewhere since it was saved) and redirects are never followed, so an endpoint cannot send Ferry inside.
 */
@Component
class CallbackSender {

    private final OutboundGuard guard;
    private final CallbackProperties properties;
    private final Clock clock;
    private final HttpClient http;

    CallbackSender(OutboundGuard guard, CallbackProperties properties, Clock clock) {
        this.guard = guard;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.timeout()).build();
    }

    /** What one attempt got: an HTTP status and the start of the answer, or why there was none. */
    record Sent(Integer status, String answer, String error) {

        boolean delivered() {
            return status != null && status / 100 == 2;
        }
    }

    Sent send(String url, String secret, CallbackMessage message) {
        URI uri = URI.create(url);
        try {
            guard.checkCallback(uri);
        } catch (BlockedAddressException e) {
            return new Sent(null, null, "not sent: " + e.getMessage());
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(properties.timeout())
                .header("Content-Type", "application/json").header("User-Agent", "Ferry-Callbacks/1")
                .header("webhook-id", message.webhookId()).header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", Signatures.sign(secret, message.webhookId(), timestamp, message.body()))
                .POST(HttpRequest.BodyPublishers.ofString(message.body(), StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            return new Sent(response.statusCode(), clipped(response.body()), null);
        } catch (HttpTimeoutException e) {
            return new Sent(null, null, "no answer within " + shown(properties.timeout()));
        } catch (IOException e) {
            return new Sent(null, null, "could not reach the endpoint: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Sent(null, null, "interrupted while sending");
        }
    }

    /** A timeout as people read it: {@code 10 s}, or {@code 300 ms} under a second (never "0 s"). */
    static String shown(java.time.Duration timeout) {
        return timeout.toMillis() < 1000 ? timeout.toMillis() + " ms" : timeout.toSeconds() + " s";
    }

    /** Only the start of the answer is read: an endpoint cannot make Ferry hold a large one. */
    private String clipped(InputStream body) throws IOException {
        try (body) {
            byte[] start = body.readNBytes(properties.answerLimit());
            return new String(start, StandardCharsets.UTF_8);
        }
    }
}
