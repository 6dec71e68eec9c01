package dev.ferry.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.TransientDataAccessResourceException;

/** A group-committing bean's writers run from the application's start to its stop, which comes after its callers'. */
class GroupCommitLifecycleTest {

    final Echo echo = new Echo();

    @AfterEach
    void stop() {
        echo.stop();
    }

    @Test
    void takesWritesOnlyOnceStarted() {
        assertThat(echo.isRunning()).isFalse();
        assertThatThrownBy(() -> echo.writes().write("early", Duration.ofSeconds(1)))
                .isInstanceOf(TransientDataAccessResourceException.class);

        echo.start();

        assertThat(echo.isRunning()).isTrue();
        assertThat(echo.writes().write("item", Duration.ofSeconds(5))).isEqualTo("wrote item");
    }

    @Test
    void startsItsWriterThreadsUnderItsName() {
        echo.start();

        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .contains("echo-writer-1", "echo-writer-2");
    }

    @Test
    void stoppedItTakesNoMoreWrites() {
        echo.start();
        echo.stop();

        assertThat(echo.isRunning()).isFalse();
        assertThatThrownBy(() -> echo.writes().write("late", Duration.ofSeconds(1)))
                .isInstanceOf(TransientDataAccessResourceException.class);
    }

    @Test
    void stopsInPhaseZeroAfterTheWebServerAndTheWorkers() {
        assertThat(echo.getPhase()).isZero();
    }

    /** Answers "wrote <item>" on two writer threads. */
    static final class Echo extends GroupCommitLifecycle<String, String> {

        Echo() {
            super("echo", 16, 64, 2, Duration.ofSeconds(5));
        }

        @Override
        public List<String> writeAll(List<String> items) {
            return items.stream().map(this::writeOne).toList();
        }

        @Override
        public String writeOne(String item) {
            return "wrote " + item;
        }
    }
}
