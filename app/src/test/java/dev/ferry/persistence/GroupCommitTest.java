package dev.ferry.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessResourceException;

/** Items handed in together are written together; one that fails alone fails alone; nothing waits forever. */
class GroupCommitTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    final ExecutorService callers = Executors.newFixedThreadPool(16);
    final Recording writer = new Recording();
    GroupCommit<String, String> commits = new GroupCommit<>("test-commit", writer, 256, 1024);

    @AfterEach
    void stop() {
        commits.stop(TIMEOUT);
        callers.shutdownNow();
    }

    @Test
    void itemsHandedInTogetherShareATransaction() throws Exception {
        // The first item holds the writer; the next fifteen wait together and go in one batch.
        List<Future<String>> answers = behindAHeldFirst(15);
        writer.hold.countDown();

        for (Future<String> answer : answers) {
            assertThat(answer.get(5, TimeUnit.SECONDS)).startsWith("wrote ");
        }
        assertThat(writer.batches).containsExactly(1, 15);
    }

    @Test
    void aBatchThatFailsForOneItemWritesEachAloneAndOnlyThatOneFails() throws Exception {
        writer.refused = "item-3";
        List<Future<String>> answers = behindAHeldFirst(6);
        writer.hold.countDown();

        int failed = 0;
        for (Future<String> answer : answers) {
            try {
                assertThat(answer.get(5, TimeUnit.SECONDS)).startsWith("wrote ");
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(DuplicateKeyException.class);
                failed++;
            }
        }
        assertThat(failed).isEqualTo(1);
        assertThat(writer.alone).hasValue(7); // the first, then each of the six again
    }

    @Test
    void whenTheDatabaseIsOutEveryItemOfTheBatchFailsAtOnce() throws Exception {
        writer.outage = true;
        List<Future<String>> answers = behindAHeldFirst(5);
        writer.hold.countDown();

        assertThat(answers.get(0).get(5, TimeUnit.SECONDS)).isEqualTo("wrote first");
        for (Future<String> answer : answers.subList(1, answers.size())) {
            assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(DataAccessResourceFailureException.class);
        }
        assertThat(writer.alone).as("the batch is not retried item by item").hasValue(1);
    }

    @Test
    void aWriteNotCommittedInTimeIsATransientFailure() {
        writer.hold = new CountDownLatch(1);
        commits.start(1);
        try {
            assertThatThrownBy(() -> commits.write("slow", Duration.ofMillis(200)))
                    .isInstanceOf(TransientDataAccessResourceException.class).hasMessageContaining("did not commit within");
        } finally {
            writer.hold.countDown();
        }
    }

    @Test
    void stoppedItTakesNothingButWritesWhatWasHandedInBefore() throws Exception {
        List<Future<String>> answers = behindAHeldFirst(3);
        Thread stopping = new Thread(() -> commits.stop(TIMEOUT));
        stopping.start();
        Thread.sleep(100);
        assertThatThrownBy(() -> commits.write("late", TIMEOUT)).isInstanceOf(TransientDataAccessResourceException.class);
        writer.hold.countDown();
        stopping.join(5000);

        for (Future<String> answer : answers) {
            assertThat(answer.get(5, TimeUnit.SECONDS)).startsWith("wrote ");
        }
    }

    /**
     * Starts one writer and holds it on a first item while {@code count} more are handed in, so that they wait
     * together; the caller lets it go with {@code writer.hold.countDown()}. Answers the first's answer and theirs.
     */
    private List<Future<String>> behindAHeldFirst(int count) throws InterruptedException {
        writer.hold = new CountDownLatch(1);
        commits.start(1);
        List<Future<String>> answers = submit(List.of("first"));
        writer.awaitWriting();
        answers.addAll(submit(numbered(count)));
        Thread.sleep(200);
        return answers;
    }

    private List<Future<String>> submit(List<String> items) {
        List<Future<String>> answers = new ArrayList<>();
        for (String item : items) {
            answers.add(callers.submit(() -> commits.write(item, TIMEOUT)));
        }
        return answers;
    }

    private static List<String> numbered(int count) {
        List<String> items = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            items.add("item-" + i);
        }
        return items;
    }

    /** Writes by answering "wrote <item>"; can hold its first write, refuse one item, or find the database out. */
    static final class Recording implements GroupCommit.Writer<String, String> {

        final List<Integer> batches = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger alone = new AtomicInteger();
        final CountDownLatch writing = new CountDownLatch(1);
        volatile CountDownLatch hold = new CountDownLatch(0);
        volatile String refused;
        volatile boolean outage;

        @Override
        public List<String> writeAll(List<String> items) {
            if (outage) {
                throw new DataAccessResourceFailureException("database closed");
            }
            if (items.contains(refused)) {
                throw new DuplicateKeyException("duplicate " + refused);
            }
            batches.add(items.size());
            return items.stream().map(item -> "wrote " + item).toList();
        }

        @Override
        public String writeOne(String item) {
            alone.incrementAndGet();
            writing.countDown();
            try {
                hold.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (outage && !"first".equals(item)) {
                throw new DataAccessResourceFailureException("database closed");
            }
            if (item.equals(refused)) {
                throw new DuplicateKeyException("duplicate " + item);
            }
            batches.add(1);
            return "wrote " + item;
        }

        void awaitWriting() throws InterruptedException {
            assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }
}
