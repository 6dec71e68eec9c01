package dev.ferry.jira;

import dev.ferry.persistence.Dialect;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each site's request budget, kept in {@code jira_rate_budget} so every worker on every node shares it
 * (PROTOCOL §9): at most {@code ferry.jira.requests-per-second} permits per one-second window, none while
 * Jira has paused the site. Permits are reserved a chunk at a time by one conditional UPDATE, granted iff it changed
 * the row, so the count holds under concurrency on H2 and PostgreSQL alike, and handed out from memory: a node
 * never uses more than the database granted it. The gate's statements never join a caller's
 * transaction: a permit row locked until that transaction ends would queue every worker of the site behind it.
 */
@Component
class SiteRateGate {

    private static final String TAKE = """
            update jira_rate_budget
            set used = case when window_start < ? then ? else used + ? end,
                window_start = case when window_start < ? then ? else window_start end
            where client_key = ? and (blocked_until is null or blocked_until <= ?) and (window_start < ? or used + ? <= ?)""";

    private final Map<String, Held> held = new ConcurrentHashMap<>();

    private final JdbcClient jdbc;
    private final TransactionTemplate outsideTransactions;
    private final Clock clock;
    private final int perSecond;
    /**
     * Permits reserved per UPDATE. On PostgreSQL, which several nodes share, a fifth of the window's: a busy site
     * costs a write per few calls, while a node strands at most this many minus one per second that the other nodes
     * cannot use. On H2, which one node holds (embedded), the whole window's: nobody else could use what it strands,
     * and every UPDATE there is a commit forced to the disk (at 10 requests/s a fifth made it one per two calls).
     */
    private final int chunk;

    @Autowired
    SiteRateGate(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, JiraProperties properties,
            Dialect dialect) {
        this(jdbc, transactions, clock, properties, !dialect.postgres());
    }

    /** @param oneNode whether this node is the database's only one (a whole window per UPDATE) */
    SiteRateGate(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, JiraProperties properties,
            boolean oneNode) {
        this.jdbc = jdbc;
        this.outsideTransactions = new TransactionTemplate(transactions);
        this.outsideTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.clock = clock;
        this.perSecond = properties.requestsPerSecond();
        this.chunk = oneNode ? perSecond : Math.max(1, perSecond / 5);
    }

    /**
     * Permits of one site's current window this node reserved and has not handed out yet, and until when the database
     * said there are none, or this node paused the site: the window is used up (no node gives permits back) or Jira
     * paused the site (a pause only grows), so until then every worker of this node is answered from here instead of
     * asking again, two UPDATEs and a read each time, while the budget is the limit.
     */
    private static final class Held {
        private long window = Long.MIN_VALUE;
        private int left;
        private Instant noneUntil = Instant.MIN;
    }

    /** Waits for a permit; throws RATE_LIMITED when none can be had before {@code deadline}. */
    void take(String siteKey, Instant deadline) {
        while (true) {
            Optional<Instant> notBefore = tryTake(siteKey);
            if (notBefore.isEmpty()) {
                return;
            }
            if (notBefore.get().isAfter(deadline)) {
                Duration wait = Duration.between(clock.instant(), notBefore.get());
                throw new JiraException(JiraException.Kind.RATE_LIMITED, 0,
                        "Ferry's request budget for " + siteKey + " has no room before " + notBefore.get(), wait);
            }
            Pause.until(clock, notBefore.get());
        }
    }

    /** A permit now (empty), or the instant worth asking again. */
    Optional<Instant> tryTake(String siteKey) {
        Held site = held.computeIfAbsent(siteKey, key -> new Held());
        synchronized (site) {
            Instant now = clock.instant();
            if (now.isBefore(site.noneUntil)) {
                return Optional.of(site.noneUntil);
            }
            long window = now.truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
            if (site.window != window) {
                site.window = window;
                site.left = 0;
            }
            if (site.left > 0) {
                site.left--;
                return Optional.empty();
            }
            Optional<Instant> answer = outsideTransactions.execute(status -> attempt(siteKey, site, now));
            answer.ifPresent(askAgain -> site.noneUntil = askAgain);
            return answer;
        }
    }

    private Optional<Instant> attempt(String siteKey, Held site, Instant now) {
        int granted = reserve(siteKey, now);
        if (granted > 0) {
            site.left = granted - 1;
            return Optional.empty();
        }
        Optional<Budget> budget = budget(siteKey);
        if (budget.isEmpty()) {
            open(siteKey, now);
            granted = reserve(siteKey, now);
            site.left = Math.max(0, granted - 1);
            return granted > 0 ? Optional.empty() : Optional.of(now);
        }
        return Optional.of(whenToAskAgain(budget.get(), now));
    }

    /** A chunk of the window's permits, or a single one when fewer than a chunk are left; 0 when none. */
    private int reserve(String siteKey, Instant now) {
        if (grant(siteKey, now, chunk)) {
            return chunk;
        }
        return chunk > 1 && grant(siteKey, now, 1) ? 1 : 0;
    }

    private boolean grant(String siteKey, Instant now, int permits) {
        Timestamp window = Timestamp.from(now.truncatedTo(ChronoUnit.SECONDS));
        return jdbc.sql(TAKE).params(window, permits, permits, window, window, siteKey, Timestamp.from(now), window,
                permits, perSecond).update() == 1;
    }

    /**
     * Jira paused the whole site: no permits for anyone until {@code until} (a pause is only ever extended). The
     * permits this node holds for the window go back to the row: the database, which knows the pause, decides again,
     * and a short pause (Jira's burst limit) leaves the rest of the window usable instead of counted as used.
     */
    void block(String siteKey, Instant until) {
        Held site = held.computeIfAbsent(siteKey, key -> new Held());
        int returned;
        long window;
        synchronized (site) {
            returned = site.left;
            window = site.window;
            site.left = 0;
            site.noneUntil = Instant.MIN;
        }
        Timestamp end = Timestamp.from(until);
        Timestamp heldWindow = new Timestamp(returned > 0 ? window : 0L);
        outsideTransactions.executeWithoutResult(status -> jdbc.sql("""
                update jira_rate_budget
                set blocked_until = case when blocked_until is null or blocked_until < ? then ? else blocked_until end,
                    used = case when window_start = ? then greatest(used - ?, 0) else used end
                where client_key = ?""")
                .params(end, end, heldWindow, returned, siteKey).update());
    }

    private Optional<Budget> budget(String siteKey) {
        return jdbc.sql("select window_start, blocked_until from jira_rate_budget where client_key = ?")
                .param(siteKey)
                .query((rs, row) -> new Budget(rs.getTimestamp(1).toInstant(),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
                .optional();
    }

    private static Instant whenToAskAgain(Budget budget, Instant now) {
        if (budget.blockedUntil() != null && budget.blockedUntil().isAfter(now)) {
            return budget.blockedUntil();
        }
        Instant nextWindow = budget.windowStart().plusSeconds(1);
        // A few random milliseconds keep the waiting workers from all hitting the row at the same instant.
        return nextWindow.isAfter(now) ? nextWindow.plusMillis(ThreadLocalRandom.current().nextInt(5)) : now;
    }

    /** The site's first call: its budget row, created by whichever worker gets there first. */
    private void open(String siteKey, Instant now) {
        try {
            jdbc.sql("insert into jira_rate_budget (client_key, window_start, used) values (?, ?, 0)")
                    .params(siteKey, Timestamp.from(now.truncatedTo(ChronoUnit.SECONDS).minusSeconds(1))).update();
        } catch (DuplicateKeyException anotherWorkerWasFirst) {
            // The row exists now, which is all this wanted.
        }
    }

    private record Budget(Instant windowStart, Instant blockedUntil) {
    }
}
