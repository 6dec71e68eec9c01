package dev.ferry.webhook;

import dev.ferry.persistence.Columns;
import dev.ferry.persistence.KeptLookups;
import dev.ferry.persistence.LookupCacheProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When each site last sent a webhook: noted on the site's row for the admin page, and asked by deliveries that
 * trust a webhook-fed ticket status while the site's webhooks arrive. The row is written only when what it holds is
 * over a {@link #RESOLUTION} older, so a site sending hundreds a second costs one write a second (and one indexed
 * read per batch), not one per delivery; the condition lives in the statement, so it holds across nodes.
 */
@Component
public class LastWebhookSeen {

    private static final Duration RESOLUTION = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(LastWebhookSeen.class);

    private final JdbcClient jdbc;
    /** What this node received itself: asked first, so a node taking webhooks reads nothing to answer. */
    private final Map<String, Instant> receivedHere = new ConcurrentHashMap<>();
    /** What any node noted on the row, kept as long as other lookups. */
    private final KeptLookups<Instant> noted;

    LastWebhookSeen(JdbcClient jdbc, LookupCacheProperties cache, Clock clock) {
        this.jdbc = jdbc;
        this.noted = new KeptLookups<>(cache::ttl, clock);
    }

    /** Called with the deliveries that were stored (or were already); a failure here never touches them. */
    void received(List<InboundDelivery> deliveries) {
        Map<String, Instant> newest = new HashMap<>();
        for (InboundDelivery delivery : deliveries) {
            newest.merge(delivery.clientKey(), delivery.receivedAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        newest.forEach((clientKey, receivedAt) -> {
            receivedHere.merge(clientKey, receivedAt, (a, b) -> a.isAfter(b) ? a : b);
            note(clientKey, receivedAt);
        });
    }

    /** Whether the site sent a webhook (to this node or another) at or after {@code since}. */
    public boolean heardFromSince(String clientKey, Instant since) {
        Instant here = receivedHere.get(clientKey);
        if (here != null && !here.isBefore(since)) {
            return true;
        }
        if (here != null) {
            receivedHere.remove(clientKey, here); // too old to answer any question: a site gone quiet leaves the map
        }
        Optional<Instant> anywhere = noted.get(clientKey, key -> jdbc.sql(
                "select last_webhook_at from site where client_key = ? and last_webhook_at is not null").param(key)
                .query((rs, row) -> Columns.instant(rs, "last_webhook_at")).optional());
        return anywhere.filter(at -> !at.isBefore(since.minus(RESOLUTION))).isPresent();
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
