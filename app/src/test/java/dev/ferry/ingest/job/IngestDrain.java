package dev.ferry.ingest.job;

import dev.ferry.ingest.ActivityStore;
import dev.ferry.ingest.IngestTargets;
import dev.ferry.sitelink.SiteLinks;
import dev.ferry.support.WorkerKilled;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Lets tests run the ingest worker as a node would, kill it mid-page, and fast-forward what waits on time. */
public final class IngestDrain {

    private IngestDrain() {
    }

    /** Runs every ingest job due now on the calling thread; returns how many it took. */
    public static int drain(ApplicationContext context) {
        return context.getBean(IngestEngine.class).runDue();
    }

    /** Queues the scheduled runs due now, as every node's worker does. */
    public static int queueDue(ApplicationContext context) {
        return context.getBean(IngestScheduler.class).queueDue();
    }

    /**
     * Runs one worker that commits {@code pages} pages and dies in the transaction of the next, after its
     * activities were written and before the cursor moved: the job stays claimed under its lease, as after a
     * crash. Answers whether it died.
     */
    public static boolean drainDyingInPage(ApplicationContext context, int pages) {
        AtomicInteger committed = new AtomicInteger();
        JobStore dying = new JobStore(context.getBean(JdbcClient.class), context.getBean(Clock.class)) {
            @Override
            boolean advance(IngestJob job, IngestJob next) {
                if (committed.getAndIncrement() == pages) {
                    throw new WorkerKilled();
                }
                return super.advance(job, next);
            }
        };
        IngestEngine engine = new IngestEngine(dying, context.getBean(Checkpoints.class), context.getBean(Streams.class),
                context.getBean(IngestTargets.class), context.getBean(ActivityStore.class),
                context.getBean(SiteLinks.class), context.getBean(TransactionTemplate.class),
                context.getBean(IngestProperties.class), context.getBean(Clock.class));
        return WorkerKilled.during(engine::runDue);
    }

    /** Leases run out and waits end now: what a restarted node finds after waiting long enough. */
    public static void timePasses(ApplicationContext context) {
        context.getBean(JdbcClient.class).sql("update ingest_job set next_attempt_at = ? where state in " + JobStore.OPEN)
                .param(Timestamp.from(Instant.now().minusMillis(1))).update();
    }

    /** Every schedule is due now. */
    public static void schedulesDue(ApplicationContext context) {
        context.getBean(JdbcClient.class).sql("update ingest_schedule set next_run_at = ?")
                .param(Timestamp.from(Instant.now().minusMillis(1))).update();
    }
}
