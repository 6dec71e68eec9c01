package dev.ferry.webhook;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rows of the {@code webhook_delivery} table. An insert is a standard SQL {@code MERGE} that inserts
 * only an identifier not stored yet, so a duplicate counts 0 rows instead of failing (H2 and
 * PostgreSQL 15+ both speak it).
 */
@Component
class InboxTable {

    private static final String INSERT_NEW = """
            merge into webhook_delivery d
            using (values (cast(? as varchar(255)), cast(? as varchar(255)))) as n (client_key, webhook_id)
            on d.client_key = n.client_key and d.webhook_id = n.webhook_id
            when not matched then insert (client_key, webhook_id, event, body, retry_count, received_at, status,
                                          attempts, next_attempt_at)
                 values (n.client_key, n.webhook_id, ?, ?, ?, ?, 'PENDING', 0, ?)""";
    private static final String INSERT = """
            insert into webhook_delivery (client_key, webhook_id, event, body, retry_count, received_at, status,
                                          attempts, next_attempt_at)
            values (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)""";

    private final JdbcTemplate jdbc;
    private final JdbcClient client;
    private final TransactionTemplate transaction;

    InboxTable(JdbcTemplate jdbc, JdbcClient client, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.client = client;
        this.transaction = transaction;
    }

    /** Inserts every new delivery in one transaction; element i says whether delivery i was new. */
    boolean[] insertAll(List<InboundDelivery> deliveries) {
        int[][] counts = transaction.execute(status -> jdbc.batchUpdate(INSERT_NEW, deliveries, deliveries.size(),
                InboxTable::bind));
        boolean[] stored = new boolean[deliveries.size()];
        for (int i = 0; i < stored.length; i++) {
            stored[i] = counts[0][i] != 0;
        }
        return stored;
    }

    boolean insertOne(InboundDelivery delivery) {
        Timestamp receivedAt = Timestamp.from(delivery.receivedAt());
        try {
            client.sql(INSERT).params(delivery.clientKey(), delivery.webhookId(), delivery.event(), delivery.body(),
                    delivery.retryCount(), receivedAt, receivedAt).update();
            return true;
        } catch (DuplicateKeyException duplicate) {
            return false;
        }
    }

    private static void bind(PreparedStatement statement, InboundDelivery delivery) throws SQLException {
        Timestamp receivedAt = Timestamp.from(delivery.receivedAt());
        statement.setString(1, delivery.clientKey());
        statement.setString(2, delivery.webhookId());
        statement.setString(3, delivery.event());
        statement.setString(4, delivery.body());
        statement.setInt(5, delivery.retryCount());
        statement.setTimestamp(6, receivedAt);
        statement.setTimestamp(7, receivedAt);
    }
}
