package dev.ferry.callback;

import dev.ferry.url.GuardedPost;
import dev.ferry.url.OutboundGuard;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Posts one message to one endpoint, signed, through the guarded post every tenant-given address gets (the guard
 * again before each call, no redirect followed, only the start of the answer read).
 */
@Component
class CallbackSender {

    private final Clock clock;
    private final GuardedPost post;

    CallbackSender(OutboundGuard guard, CallbackProperties properties, Clock clock) {
        this.clock = clock;
        this.post = new GuardedPost(guard, properties.timeout(), properties.answerLimit(), "the endpoint");
    }

    /** What one attempt got: an HTTP status and the start of the answer, or why there was none. */
    record Sent(Integer status, String answer, String error) {

        boolean delivered() {
            return status != null && status / 100 == 2;
        }
    }

    Sent send(String url, String secret, CallbackMessage message) {
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "Ferry-Callbacks/1");
        headers.put("webhook-id", message.webhookId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", Signatures.sign(secret, message.webhookId(), timestamp, message.body()));
        GuardedPost.Answer answer = post.post(url, headers, message.body());
        return new Sent(answer.status(), answer.body(), answer.error());
    }
}
