package dev.ferry.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Waits for what Ferry writes just after it answers, such as the site's last-webhook note, which the
 * inbox writer makes once the batch's answers are out. Returns when the condition holds or the time is
 * up; the assertion that follows says what was expected.
 */
public final class Eventually {

    private static final Duration LIMIT = Duration.ofSeconds(5);

    private Eventually() {
    }

    public static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(LIMIT);
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
