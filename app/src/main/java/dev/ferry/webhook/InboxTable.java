package dev.ferry.webhook;

import dev.ferry.persistence.Dialect;
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
 * Rows of the {@code webhook_delivery} table. PostgreSQL inserts only an identifier not stored yet
 * ({@code on conflict do nothing}: a duplicate counts 0 rows, even one racing in from another node).
 * H2 has no such clause outside its PostgreSQL mode, and its {@code MERGE} costs a fifth more per row
 * than a plain insert; there a batch with a duplicate fails whole and the inbox stores it row by row.
 */
@Component
class InboxTable {

    static final String INSERT = """
            insert into webhook_delivery (client_key, webhook_id, event, body, retry_count, received_at, status,
                                          attempts, next_attempt_at)
            values (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)""";
    private static final String INSERT_NEW = INSERT + " on conflict (client_key, webhook_id) do nothing";

    private final JdbcTemplate jdbc;
    private final JdbcClient client;
    private final TransactionTemplate transaction;
    private final String batchInsert;

    InboxTable(JdbcTemplate jdbc, JdbcClient client, TransactionTemplate transaction, Dialect dialect) {
        this.jdbc = jdbc;
        this.client = client;
        this.transaction = transaction;
        this.batchInsert = dialect.postgres() ? INSERT_NEW : INSERT;
    }

    /**
     * Inserts every delivery in one transaction; element i says whether delivery i was new. On H2 a
     * duplicate fails the batch (and nothing of it is stored): the caller then stores one by one.
     */
    boolean[] insertAll(List<InboundDelivery> deliveries) {
        int[][] counts = transaction.execute(status -> jdbc.batchUpdate(batchInsert, deliveries, deliveries.size(),
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

    static void bind(PreparedStatement statement, InboundDelivery delivery) throws SQLException {
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
