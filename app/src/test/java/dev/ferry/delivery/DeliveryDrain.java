package dev.ferry.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Lets tests run the ticket outbox worker as a node would, and fast-forward what waits on time. */
public final class DeliveryDrain {

    private DeliveryDrain() {
    }

    /** Works every delivery due now on the calling thread; returns how many it took. */
    public static int drain(ApplicationContext context) {
        return context.getBean(DeliveryWorker.class).drain();
    }

    /** Leases run out and back-offs end now: what a restarted node finds after waiting long enough. */
    public static void timePasses(ApplicationContext context) {
        context.getBean(JdbcClient.class).sql("""
                update ticket_delivery set next_attempt_at = ?, claimed_until = null
                where status in ('PENDING', 'WAITING')""").param(Timestamp.from(Instant.now().minusMillis(1))).update();
    }
}
