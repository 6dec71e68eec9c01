package dev.ferry.delivery;

import dev.ferry.support.StalledBatch;
import dev.ferry.support.WorkerKilled;
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

    /**
     * Runs one worker that dies once Jira has answered a create or comment (and the remote link), before Ferry
     * records the ticket: the delivery stays claimed under its lease, as after a crash. Answers whether it died.
     */
    public static boolean drainDyingAfterJiraAnswers(ApplicationContext context) {
        java.time.Clock clock = context.getBean(java.time.Clock.class);
        DeliveryCompletion dying = new DeliveryCompletion(context.getBean(dev.ferry.jira.JiraClient.class),
                context.getBean(dev.ferry.link.TicketLinks.class), context.getBean(dev.ferry.audit.AuditLog.class),
                context.getBean(Outbox.class), context.getBean(dev.ferry.panel.GlanceBadges.class), clock,
                context.getBean(org.springframework.transaction.support.TransactionTemplate.class),
                context.getBean(DeliveryProperties.class)) {
            @Override
            void complete(Job job, TicketFiler.Filed filed) {
                throw new WorkerKilled();
            }
        };
        DeliveryWorker worker = new DeliveryWorker(context.getBean(Outbox.class), context.getBean(Jobs.class),
                context.getBean(TicketFiler.class), dying, context.getBean(DeliveryFailures.class),
                context.getBean(DeliveryProperties.class));
        return WorkerKilled.during(() -> worker.drain());
    }

    /** A worker that claims what is due and then stalls, as one stuck behind slow Jira answers would. */
    public static StalledBatch<OutboundDelivery> claimAndStall(ApplicationContext context) {
        DeliveryProperties properties = context.getBean(DeliveryProperties.class);
        return new StalledBatch<>(context.getBean(Outbox.class).claim(properties.batchSize(), properties.lease()),
                later -> later.getBean(DeliveryWorker.class)::process);
    }



    /** Leases run out and back-offs end now: what a restarted node finds after waiting long enough. */
    public static void timePasses(ApplicationContext context) {
        context.getBean(JdbcClient.class).sql("""
                update ticket_delivery set next_attempt_at = ?, claimed_until = null
                where status in ('PENDING', 'WAITING')""").param(Timestamp.from(Instant.now().minusMillis(1))).update();
    }
}
