package dev.ferry.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One delivery at a time per dedup key, across every worker and node. Claim order alone cannot promise
 * it: an event whose insert commits late can be claimed beside a younger one for the same object, and
 * both would find no ticket yet. A lane is a row: taking it is one conditional update or one insert, and
 * a holder that dies lets go when its lease runs out.
 */
@Component
class DeliveryLanes {

    private final JdbcClient jdbc;
    private final Clock clock;

    DeliveryLanes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Takes the lane for {@code delivery}; false while another live delivery holds it. */
    boolean take(OutboundDelivery delivery, Duration lease) {
        Instant now = clock.instant();
        int taken = jdbc.sql("""
                update delivery_lane set holder = ?, held_until = ?
                where dedup_key = ? and (held_until < ? or holder = ?)""")
                .params(delivery.id(), Timestamp.from(now.plus(lease)), delivery.dedupKey(), Timestamp.from(now),
                        delivery.id()).update();
        if (taken == 1) {
            return true;
        }
        try {
            jdbc.sql("insert into delivery_lane (dedup_key, holder, held_until) values (?, ?, ?)")
                    .params(delivery.dedupKey(), delivery.id(), Timestamp.from(now.plus(lease))).update();
            return true;
        } catch (DuplicateKeyException held) {
            return false;
        }
    }

    void release(OutboundDelivery delivery) {
        jdbc.sql("delete from delivery_lane where dedup_key = ? and holder = ?").params(delivery.dedupKey(), delivery.id())
                .update();
    }
}
