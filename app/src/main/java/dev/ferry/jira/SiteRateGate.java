package dev.ferry.jira;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each site's request budget, kept in {@code jira_rate_budget} so every worker on every node shares it
 * (PROTOCOL §9): at most {@code ferry.jira.requests-per-second} permits per one-second window, none while
 * Jira has paused the site. A permit is one conditional UPDATE, granted iff it changed the row, so the
 * count holds under concurrency on H2 and PostgreSQL alike. The gate's statements never join a caller's
 * transaction: a permit row locked until that transaction ends would queue every worker of the site behind it.
 */
@Component
class SiteRateGate {

    private static final String TAKE = """
            update jira_rate_budget
            set used = case when window_start < ? then 1 else used + 1 end,
                window_start = case when window_start < ? then ? else window_start end
            where client_key = ? and (blocked_until is null or blocked_until <= ?) and (window_start < ? or used < ?)""";

    private final JdbcClient jdbc;
    private final TransactionTemplate outsideTransactions;
    private final Clock clock;
    private final int perSecond;

    SiteRateGate(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, JiraProperties properties) {
        this.jdbc = jdbc;
        this.outsideTransactions = new TransactionTemplate(transactions);
        this.outsideTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.clock = clock;
        this.perSecond = properties.requestsPerSecond();
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
        return outsideTransactions.execute(status -> attempt(siteKey));
    }

    private Optional<Instant> attempt(String siteKey) {
        Instant now = clock.instant();
        if (grant(siteKey, now)) {
            return Optional.empty();
        }
        Optional<Budget> budget = budget(siteKey);
        if (budget.isEmpty()) {
            open(siteKey, now);
            return grant(siteKey, now) ? Optional.empty() : Optional.of(now);
        }
        return Optional.of(whenToAskAgain(budget.get(), now));
    }

    private boolean grant(String siteKey, Instant now) {
        Timestamp window = Timestamp.from(now.truncatedTo(ChronoUnit.SECONDS));
        return jdbc.sql(TAKE).params(window, window, window, siteKey, Timestamp.from(now), window, perSecond)
                .update() == 1;
    }

    /** Jira paused the whole site: no permits for anyone until {@code until} (a pause is only ever extended). */
    void block(String siteKey, Instant until) {
        Timestamp end = Timestamp.from(until);
        outsideTransactions.executeWithoutResult(status -> jdbc.sql(
                "update jira_rate_budget set blocked_until = ? where client_key = ? and (blocked_until is null or blocked_until < ?)")
                .params(end, siteKey, end).update());
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
