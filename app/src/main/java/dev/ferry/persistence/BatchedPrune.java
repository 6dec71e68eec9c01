package dev.ferry.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes rows older than a cutoff organization by organization, along the (organization, time) index a table has
 * for reading anyway, a batch per statement (autocommit): a prune of millions of rows never holds a long transaction
 * or a lock on the whole table. Any number of nodes may prune at once: a row is deleted once.
 */
public final class BatchedPrune {

    private BatchedPrune() {
    }

    /** What one prune deleted, and in how many batches. */
    public record Deleted(int rows, int batches) {
    }

    /**
     * Runs {@code deleteBatch} (parameters: organization id, cutoff, batch size) per organization until a batch comes
     * back short. The statement deletes by a limited sub-select: neither H2 nor PostgreSQL takes a limit on delete.
     */
    public static Deleted run(JdbcClient jdbc, String deleteBatch, Instant cutoff, int batchSize) {
        Timestamp before = Timestamp.from(cutoff);
        int rows = 0;
        int batches = 0;
        for (String organization : jdbc.sql("select id from organization").query(String.class).list()) {
            int deleted;
            do {
                deleted = jdbc.sql(deleteBatch).param(organization).param(before).param(batchSize).update();
                rows += deleted;
                batches += deleted > 0 ? 1 : 0;
            } while (deleted == batchSize);
        }
        return new Deleted(rows, batches);
    }
}
