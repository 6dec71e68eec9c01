package dev.ferry.objectstate;

import dev.ferry.support.StalledBatch;
import dev.ferry.support.WorkerKilled;
import dev.ferry.admin.OrganizationDirectory;
import dev.ferry.jira.JiraClient;
import dev.ferry.link.TicketLinks;
import dev.ferry.site.SiteDirectory;
import dev.ferry.sitelink.SiteLinks;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Lets tests run the object-state worker as a node would, kill it at the worst moment, and fast-forward time. */
public final class ObjectStateDrain {

    private ObjectStateDrain() {
    }

    /** Writes every comment due now on the calling thread; returns how many rows it took. */
    public static int drain(ApplicationContext context) {
        return context.getBean(ObjectStateWorker.class).drain();
    }

    /**
     * Runs one worker that dies the moment Jira has answered a comment, before Ferry records it: the row stays
     * claimed under its lease, as after a crash. Answers whether it died.
     */
    public static boolean drainDyingAfterJiraAnswers(ApplicationContext context) {
        CommentOutbox dying = new CommentOutbox(context.getBean(JdbcClient.class), context,
                context.getBean(Clock.class)) {
            @Override
            void done(ClaimedComment row, String commentId) {
                throw new WorkerKilled();
            }
        };
        ObjectCommenter commenter = new ObjectCommenter(context.getBean(JiraClient.class),
                context.getBean(SiteDirectory.class), context.getBean(SiteLinks.class),
                context.getBean(TicketLinks.class), context.getBean(OrganizationDirectory.class), dying,
                context.getBean(CommentFailures.class));
        ObjectStateWorker worker = new ObjectStateWorker(context.getBean(CommentOutbox.class), commenter,
                context.getBean(CommentFailures.class), context.getBean(ObjectStateProperties.class));
        return WorkerKilled.during(() -> worker.drain());
    }

    /** A worker that claims what is due and then stalls, as one stuck behind slow Jira answers would. */
    public static StalledBatch<ClaimedComment> claimAndStall(ApplicationContext context) {
        ObjectStateProperties properties = context.getBean(ObjectStateProperties.class);
        return new StalledBatch<>(context.getBean(CommentOutbox.class).claim(properties.batchSize(), properties.lease()),
                later -> later.getBean(ObjectStateWorker.class)::process);
    }



    /** Leases run out and back-offs end now: what a restarted node finds after waiting long enough. */
    public static void timePasses(ApplicationContext context) {
        context.getBean(JdbcClient.class).sql("""
                update object_change_comment set next_attempt_at = ?, claimed_until = null
                where status in ('PENDING', 'WAITING')""").param(Timestamp.from(Instant.now().minusMillis(1))).update();
    }
}
