package dev.ferry.auditsink;

import dev.ferry.url.GuardedPost;
import dev.ferry.url.OutboundGuard;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Posts one NDJSON body to a sink with its headers, through the guarded post every tenant-given address gets (the
 * guard again before each post, no redirect followed, only the start of the answer read); a 3xx is a failed post
 * that says so.
 */
@Component
class SinkSender {

    static final String NDJSON = "application/x-ndjson";

    private final GuardedPost post;

    SinkSender(OutboundGuard guard, SinkProperties properties) {
        this.post = new GuardedPost(guard, properties.timeout(), properties.answerLimit(), "the sink");
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
        Map<String, String> all = new LinkedHashMap<>();
        all.put("User-Agent", "Ferry-AuditSink/1");
        all.putAll(headers);
        all.put("Content-Type", NDJSON);
        GuardedPost.Answer answer = post.post(url, all, body);
        if (answer.status() != null && answer.status() / 100 == 3) {
            return new Sent(answer.status(), answer.body(), "the sink answered " + answer.status() + " (a redirect to "
                    + (answer.location() == null ? "nowhere" : answer.location())
                    + "): Ferry does not follow redirects; give the final URL");
        }
        return new Sent(answer.status(), answer.body(), answer.error());
    }
}
