package dev.ferry.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ferry.support.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** The database budget: exactly N permits per window however many workers ask at once, none while paused. */
@JiraClientTest
class SiteRateGateTest {

    static final int BUDGET = 7;
    static final String SITE = "gate-site";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    final SettableClock clock = new SettableClock(Instant.parse("2026-11-25T10:00:00.250Z"));
    SiteRateGate gate;
    ExecutorService workers = Executors.newFixedThreadPool(16);

    @BeforeEach
    void gateWithASmallBudget() {
        gate = new SiteRateGate(jdbc, transactions, clock, new JiraProperties(Duration.ofSeconds(1), Duration.ofSeconds(1), BUDGET,
                Duration.ofMillis(10), Duration.ofMillis(40), 4, Duration.ofSeconds(3)), false);
    }

    @AfterEach
    void stopWorkers() {
        workers.shutdownNow();
    }

    @Test
    void manyWorkersAskingAtOnceGetExactlyTheBudgetInOneWindow() throws Exception {
        assertThat(grantsFrom(16, 10)).isEqualTo(BUDGET);
        assertThat(used()).isEqualTo(BUDGET);
    }

    @Test
    void theDatabasesOnlyNodeReservesAWholeWindowAtOnceAndStillNoMore() throws Exception {
        gate = new SiteRateGate(jdbc, transactions, clock, new JiraProperties(Duration.ofSeconds(1), Duration.ofSeconds(1),
                BUDGET, Duration.ofMillis(10), Duration.ofMillis(40), 4, Duration.ofSeconds(3)), true);

        assertThat(gate.tryTake(SITE)).isEmpty();
        assertThat(used()).as("one UPDATE took the window").isEqualTo(BUDGET);
        assertThat(grantsFrom(16, 10)).isEqualTo(BUDGET - 1);
        assertThat(used()).isEqualTo(BUDGET);
    }

    /** Permits no node gives back: once the database said the window is used up, this node does not ask again in it. */
    @Test
    void aNodeToldTheWindowIsUsedUpAnswersFromMemoryUntilItEnds() {
        while (gate.tryTake(SITE).isEmpty()) {
            // take the window's budget
        }
        jdbc.sql("update jira_rate_budget set used = 0 where client_key = ?").param(SITE).update();

        Optional<Instant> again = gate.tryTake(SITE);
        assertThat(again).as("the window is used up, as this node was told").isPresent();
        assertThat(used()).as("not asked again").isZero();
        clock.set(again.get());
        assertThat(gate.tryTake(SITE)).as("the next window asks the database").isEmpty();
        assertThat(used()).isPositive();
    }

    /** A short pause (Jira's burst limit) must not cost the rest of the window a node reserved whole. */
    @Test
    void aShortPauseLeavesTheRestOfTheWindowUsable() throws Exception {
        gate = new SiteRateGate(jdbc, transactions, clock, new JiraProperties(Duration.ofSeconds(1), Duration.ofSeconds(1),
                BUDGET, Duration.ofMillis(10), Duration.ofMillis(40), 4, Duration.ofSeconds(3)), true);
        assertThat(gate.tryTake(SITE)).isEmpty();
        Instant pauseEnd = clock.instant().plusMillis(10);
        gate.block(SITE, pauseEnd);

        assertThat(gate.tryTake(SITE)).hasValue(pauseEnd);
        clock.set(pauseEnd);
        assertThat(grantsFrom(16, 10)).as("the window's other permits, after the pause").isEqualTo(BUDGET - 1);
        assertThat(used()).isEqualTo(BUDGET);
    }

    @Test
    void theNextWindowGrantsAFreshBudget() throws Exception {
        grantsFrom(16, 10);
        Optional<Instant> notBefore = gate.tryTake(SITE);
        clock.set(notBefore.orElseThrow());

        assertThat(notBefore.get()).isAfterOrEqualTo(Instant.parse("2026-11-25T10:00:01Z"));
        assertThat(grantsFrom(16, 10)).isEqualTo(BUDGET);
        assertThat(used()).isEqualTo(BUDGET);
    }

    @Test
    void aPausedSiteGetsNoPermitUntilThePauseEnds() {
        gate.tryTake(SITE);
        Instant pauseEnd = clock.instant().plusSeconds(5);
        gate.block(SITE, pauseEnd);

        assertThat(gate.tryTake(SITE)).hasValue(pauseEnd);
        clock.set(pauseEnd);
        assertThat(gate.tryTake(SITE)).isEmpty();
    }

    @Test
    void aPauseLongerThanTheCallerMayWaitIsRateLimitedWithTheWait() {
        gate.tryTake(SITE);
        gate.block(SITE, clock.instant().plusSeconds(40));

        JiraException e = catchThrowableOfType(JiraException.class,
                () -> gate.take(SITE, clock.instant().plusSeconds(10)));

        assertThat(e.kind()).isEqualTo(JiraException.Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(40));
    }

    @Test
    void aShorterPauseNeverShortensALongerOne() {
        gate.tryTake(SITE);
        gate.block(SITE, clock.instant().plusSeconds(30));
        gate.block(SITE, clock.instant().plusSeconds(2));

        assertThat(gate.tryTake(SITE)).hasValue(clock.instant().plusSeconds(30));
    }

    @Test
    void aPermitTakenInsideACallersTransactionOutlivesItsRollback() {
        var callers = new org.springframework.transaction.support.TransactionTemplate(transactions);

        callers.executeWithoutResult(status -> {
            assertThat(gate.tryTake(SITE)).isEmpty();
            status.setRollbackOnly();
        });

        assertThat(used()).isEqualTo(1);
    }

    /** Every worker tries {@code attempts} times without waiting; the number of permits granted in all. */
    int grantsFrom(int threads, int attempts) throws Exception {
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            tasks.add(() -> {
                int granted = 0;
                for (int i = 0; i < attempts; i++) {
                    granted += gate.tryTake(SITE).isEmpty() ? 1 : 0;
                }
                return granted;
            });
        }
        int total = 0;
        for (Future<Integer> result : workers.invokeAll(tasks)) {
            total += result.get();
        }
        return total;
    }

    int used() {
        return jdbc.sql("select used from jira_rate_budget where client_key = ?").param(SITE).query(Integer.class).single();
    }
}
