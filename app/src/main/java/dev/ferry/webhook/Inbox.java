package dev.ferry.webhook;

import java.sql.Timestamp;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The durable inbox. A delivery is committed here before Jira gets its 2xx; a delivery whose
 * identifier is already stored is a retry or a duplicate, and is not stored again.
 */
@Component
class Inbox {

    private static final String INSERT = """
            insert into webhook_delivery (client_key, webhook_id, event, body, retry_count, received_at,
                                          status, attempts, next_attempt_at)
            values (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)""";

    private final JdbcClient jdbc;

    Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when stored now; false when this delivery was stored before. */
    boolean store(InboundDelivery delivery) {
        Timestamp receivedAt = Timestamp.from(delivery.receivedAt());
        try {
            jdbc.sql(INSERT).params(delivery.clientKey(), delivery.webhookId(), delivery.event(), delivery.body(),
                    delivery.retryCount(), receivedAt, receivedAt).update();
            return true;
        } catch (DuplicateKeyException duplicate) {
            return false;
        }
    }
}
