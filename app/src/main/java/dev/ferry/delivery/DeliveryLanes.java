package dev.ferry.delivery;

import dev.ferry.persistence.Dialect;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One delivery at a time per dedup key, across every worker and node. Claim order alone cannot promise
 * it: an event whose insert commits late can be claimed beside a younger one for the same object, and
 * both would find no ticket yet. A lane is a row, taken in the claim's transaction by one upsert and deleted in the
 * transaction that ends the delivery (or after a failure); a holder that dies lets go when its lease runs out.
 */
@Component
class DeliveryLanes {

    /**
     * Free: the taker holds it already, or its holder's lease ran out. Only the lane row's own columns: PostgreSQL
     * re-checks them on the newest row version after waiting for a racing claim, while a subquery would still read
     * the snapshot from before that claim committed.
     */
    private static final String FREE = "(delivery_lane.holder = ? or delivery_lane.held_until < ?)";
    private static final String POSTGRES = """
            insert into delivery_lane (dedup_key, holder, held_until) values (?, ?, ?)
            on conflict (dedup_key) do update set holder = excluded.holder, held_until = excluded.held_until
            where """ + FREE;
    private static final String H2 = """
            merge into delivery_lane using (values (cast(? as varchar(1024)), cast(? as bigint),
                cast(? as timestamp with time zone))) taker(dedup_key, holder, held_until)
            on delivery_lane.dedup_key = taker.dedup_key
            when matched and""" + FREE + """
             then update set holder = taker.holder, held_until = taker.held_until
            when not matched then insert (dedup_key, holder, held_until)
                values (taker.dedup_key, taker.holder, taker.held_until)""";

    private final JdbcClient jdbc;
    private final String take;

    DeliveryLanes(JdbcClient jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.take = dialect.postgres() ? POSTGRES : H2;
    }

    /**
     * Takes the lane for the delivery {@code holder} until {@code now + lease}; false while another live delivery
     * holds it. Meant for the claim's transaction: a lane another claim is taking waits for that claim to commit.
     */
    boolean take(long holder, String dedupKey, Instant now, Duration lease) {
        Timestamp at = Timestamp.from(now);
        try {
            return jdbc.sql(take).params(dedupKey, holder, Timestamp.from(now.plus(lease)), holder, at).update() == 1;
        } catch (DuplicateKeyException anotherClaimInsertedItFirst) {
            return false; // H2 only: PostgreSQL's upsert waits for the other insert instead
        }
    }

    /** Lets the lane go; in the transaction that ends the delivery when it succeeded, else on its own. */
    void release(long holder, String dedupKey) {
        jdbc.sql("delete from delivery_lane where dedup_key = ? and holder = ?").params(dedupKey, holder).update();
    }
}
