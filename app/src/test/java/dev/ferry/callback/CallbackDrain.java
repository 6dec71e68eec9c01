package dev.ferry.callback;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Lets tests run the callback worker as a node would, and skip the back-off a failed message waits out. */
public final class CallbackDrain {

    private CallbackDrain() {
    }

    /** Sends every message due now on the calling thread; answers how many attempts it made. */
    public static int drain(ApplicationContext context) {
        return context.getBean(CallbackWorker.class).drain();
    }

    /** Makes every pending message that waits out a back-off due now, as if the wait had passed. */
    public static int skipBackoff(ApplicationContext context) {
        Timestamp now = Timestamp.from(context.getBean(Clock.class).instant());
        return context.getBean(JdbcClient.class)
                .sql("update callback_message set next_attempt_at = ? where status = 'PENDING' and claimed_until is null")
                .param(now).update();
    }

    /** Moves every message's retry window into the past, so the next failed attempt is the last one. */
    public static void endRetryWindows(ApplicationContext context) {
        context.getBean(JdbcClient.class).sql("update callback_message set window_from = ?")
                .param(Timestamp.from(context.getBean(Clock.class).instant().minusSeconds(2 * 24 * 3600))).update();
    }
}
