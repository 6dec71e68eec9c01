package dev.ferry.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An idle worker looks less and less often, and work committed on its node ends its sleep at once: an idle node
 * asks its empty tables little, and nobody waits on the sleep for work of their own. Polls are counted, not timed.
 */
class PollingWorkerTest {

    private CountingWorker worker;
    private AnnotationConfigApplicationContext node;

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.stop();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void theIdleCeilingIsTenPollIntervalsAtMostFiveSeconds() {
        assertThat(PollingWorker.idleMax(Duration.ofMillis(50))).isEqualTo(Duration.ofMillis(500));
        assertThat(PollingWorker.idleMax(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(5));
        assertThat(PollingWorker.idleMax(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void anIdleWorkerLooksLessAndLessOftenUpToItsCeiling() throws InterruptedException {
        Duration poll = Duration.ofMillis(20);
        worker = new CountingWorker(poll, PollingWorker.idleMax(poll));
        worker.start();

        Thread.sleep(2_000);

        // At a fixed 20 ms it would look about 100 times; growing to 200 ms, about 14.
        assertThat(worker.polls()).isBetween(5, 25);
    }

    @Test
    void workCommittedOnThisNodeWakesTheIdleWorkerOnceItCommits() throws InterruptedException {
        startNode();
        awaitPolls(1);
        TransactionTemplate transaction = node.getBean(TransactionTemplate.class);

        transaction.executeWithoutResult(status -> {
            node.publishEvent(new NewWork(CountingWorker.class));
            sleep(300);
            assertThat(worker.polls()).as("not before the commit: the claim would not see the work").isEqualTo(1);
        });

        awaitPolls(2);
        assertThat(worker.polls()).isEqualTo(2);
    }

    @Test
    void workRolledBackOrForAnotherWorkerWakesNobody() throws InterruptedException {
        startNode();
        awaitPolls(1);

        node.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
            node.publishEvent(new NewWork(CountingWorker.class));
            status.setRollbackOnly();
        });
        node.publishEvent(new NewWork(OtherWorker.class));
        Thread.sleep(500);

        assertThat(worker.polls()).isEqualTo(1);
    }

    @Test
    void workEnqueuedOutsideATransactionWakesTheWorkerAtOnce() throws InterruptedException {
        startNode();
        awaitPolls(1);

        node.publishEvent(new NewWork(CountingWorker.class));

        awaitPolls(2);
        assertThat(worker.polls()).isEqualTo(2);
    }

    @Test
    void aWorkerThatGathersUnderLoadLetsWorkGatherForAPollIntervalAfterFindingSome() throws InterruptedException {
        GatheringWorker gathering = new GatheringWorker();
        worker = gathering;
        gathering.start();
        awaitPolls(2); // the first look found work, the second none

        gathering.wake();
        Thread.sleep(300);
        assertThat(gathering.polls()).as("work arriving under load gathers: the wake does not cut the pause").isEqualTo(2);

        awaitPolls(3); // after the poll interval; idle now, asleep for a second at least
        gathering.wake();
        Thread.sleep(300);
        assertThat(gathering.polls()).as("an idle worker still wakes at once").isEqualTo(4);
    }

    /** A node whose worker would not look again for a minute by itself. */
    private void startNode() {
        node = new AnnotationConfigApplicationContext(Node.class);
        worker = node.getBean(CountingWorker.class);
    }

    private void awaitPolls(int polls) throws InterruptedException {
        for (int i = 0; i < 200 && worker.polls() < polls; i++) {
            Thread.sleep(10);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Configuration
    @EnableTransactionManagement
    static class Node {

        @Bean
        DataSource dataSource() {
            return new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:polling-worker-test");
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }

        @Bean
        TransactionTemplate transactionTemplate(PlatformTransactionManager transactions) {
            return new TransactionTemplate(transactions);
        }

        @Bean
        CountingWorker worker() {
            return new CountingWorker(Duration.ofMinutes(1), Duration.ofMinutes(1));
        }
    }

    /** Finds nothing, and counts how often it looked. */
    static class CountingWorker extends PollingWorker {

        private final AtomicInteger polls = new AtomicInteger();

        CountingWorker(Duration pollInterval, Duration idlePollMax) {
            super("counting worker", true, 1, pollInterval, idlePollMax);
        }

        @Override
        protected int drain() {
            polls.incrementAndGet();
            return 0;
        }

        int polls() {
            return polls.get();
        }
    }

    /** Finds one item at its first look, then none; gathers for a second after finding some, idles up to a minute. */
    static class GatheringWorker extends CountingWorker {

        GatheringWorker() {
            super(Duration.ofSeconds(1), Duration.ofMinutes(1));
        }

        @Override
        protected int drain() {
            return super.drain() == 0 && polls() == 1 ? 1 : 0;
        }

        @Override
        protected boolean gathersUnderLoad() {
            return true;
        }
    }

    static class OtherWorker extends CountingWorker {

        OtherWorker() {
            super(Duration.ofMinutes(1), Duration.ofMinutes(1));
        }
    }
}
