package dev.ferry.throttle;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shared counters in {@code rate_window}. Permits are taken the way {@code SiteRateGate} takes Jira's:
 * one conditional UPDATE that restarts a past window or adds to the current one, granted iff it changed the
 * row, so the count holds under concurrency on H2 and PostgreSQL alike. Never inside a caller's transaction:
 * a counter row locked until that transaction ends would queue every request of the subject behind it.
 */
@Component
class RateWindowStore {

    private static final String TAKE = """
            update rate_window
            set used = case when window_start < ? then ? else used + ? end,
                window_start = case when window_start < ? then ? else window_start end
            where kind = ? and subject = ? and (window_start < ? or used + ? <= ?)""";

    private final JdbcClient jdbc;
    private final TransactionTemplate outsideTransactions;

    RateWindowStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.outsideTransactions = new TransactionTemplate(transactions);
        this.outsideTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    /** Up to {@code rate.chunk()} permits of the window starting at {@code window}; 0 when it is used up. */
    int reserve(String kind, String subject, Rate rate, Instant window) {
        return outsideTransactions.execute(status -> {
            int chunk = rate.chunk();
            if (grant(kind, subject, chunk, rate, window)) {
                return chunk;
            }
            if (!exists(kind, subject)) {
                open(kind, subject, window);
                return grant(kind, subject, chunk, rate, window) ? chunk : 0;
            }
            // Fewer than a chunk left: take them one at a time, so the window's last permits are not lost.
            return chunk > 1 && grant(kind, subject, 1, rate, window) ? 1 : 0;
        });
    }

    /** Forgets windows that ended before {@code before}; a taker would restart them anyway. */
    int pruneBefore(Instant before) {
        return outsideTransactions.execute(status -> jdbc.sql("delete from rate_window where window_start < ?")
                .param(Timestamp.from(before)).update());
    }

    private boolean grant(String kind, String subject, int permits, Rate rate, Instant window) {
        Timestamp start = Timestamp.from(window);
        return jdbc.sql(TAKE).params(start, permits, permits, start, start, kind, subject, start, permits,
                rate.permits()).update() == 1;
    }

    private boolean exists(String kind, String subject) {
        return jdbc.sql("select count(*) from rate_window where kind = ? and subject = ?").params(kind, subject)
                .query(Integer.class).single() > 0;
    }

    /** The subject's first request: its row, in an ended window, created by whichever node gets there first. */
    private void open(String kind, String subject, Instant window) {
        try {
            jdbc.sql("insert into rate_window (kind, subject, window_start, used) values (?, ?, ?, 0)")
                    .params(kind, subject, Timestamp.from(window.minusMillis(1))).update();
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            // The row exists now, which is all this wanted.
        }
    }
}
