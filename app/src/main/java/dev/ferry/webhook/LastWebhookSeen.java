package dev.ferry.webhook;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Notes on each site's row when it last sent a webhook, for the admin page. The row is written only when
 * what it holds is over a {@link #RESOLUTION} older, so a site sending hundreds a second costs one write a
 * second (and one indexed read per batch), not one per delivery; the condition lives in the statement, so
 * it holds across nodes.
 */
@Component
class LastWebhookSeen {

    private static final Duration RESOLUTION = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(LastWebhookSeen.class);

    private final JdbcClient jdbc;

    LastWebhookSeen(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Called with the deliveries that were stored (or were already); a failure here never touches them. */
    void received(List<InboundDelivery> deliveries) {
        Map<String, Instant> newest = new HashMap<>();
        for (InboundDelivery delivery : deliveries) {
            newest.merge(delivery.clientKey(), delivery.receivedAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        newest.forEach(this::note);
    }

    private void note(String clientKey, Instant receivedAt) {
        try {
            jdbc.sql("""
                    update site set last_webhook_at = ?
                    where client_key = ? and (last_webhook_at is null or last_webhook_at < ?)""")
                    .params(Timestamp.from(receivedAt), clientKey, Timestamp.from(receivedAt.minus(RESOLUTION))).update();
        } catch (RuntimeException failed) {
            log.warn("could not note the last webhook of {}: {}", clientKey, failed.toString());
        }
    }
}
