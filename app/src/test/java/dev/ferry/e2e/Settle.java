package dev.ferry.e2e;

import dev.ferry.delivery.DeliveryDrain;
import java.time.Duration;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Works Ferry's outbox as its scheduler would, letting retry delays pass, until no delivery is left to try. */
final class Settle {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private Settle() {
    }

    static void deliveries(ApplicationContext context) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            DeliveryDrain.drain(context);
            Integer open = context.getBean(JdbcClient.class)
                    .sql("select count(*) from ticket_delivery where status in ('PENDING', 'WAITING')")
                    .query(Integer.class).single();
            if (open == 0) {
                return;
            }
            DeliveryDrain.timePasses(context);
        }
        throw new AssertionError("deliveries still open after " + PATIENCE.toSeconds() + " s");
    }
}
