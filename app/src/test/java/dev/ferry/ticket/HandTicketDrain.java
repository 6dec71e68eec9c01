package dev.ferry.ticket;

import dev.ferry.support.WorkerKilled;
import dev.ferry.audit.AuditLog;
import dev.ferry.jira.CreatedIssue;
import dev.ferry.jira.JiraClient;
import dev.ferry.link.TicketLinks;
import dev.ferry.principal.ApiCaller;
import dev.ferry.principal.ApiScope;
import dev.ferry.site.SiteDirectory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Lets journeys run the hand ticket worker as a node would, kill a request after Jira answered, and skip waits. */
public final class HandTicketDrain {

    private HandTicketDrain() {
    }

    /** Works every pending hand ticket due now on the calling thread; returns how many it took. */
    public static int drain(ApplicationContext context) {
        return context.getBean(HandTicketWorker.class).drain();
    }

    /**
     * Files the draft as an API key of the organization would, in a process that dies the moment Jira has
     * answered the create, before Ferry links or records it: the row stays pending under its lease, as after
     * a crash. Answers whether it died.
     */
    /** The API key id the request that dies asks as; the worker that finishes its ticket audits it as that key. */
    public static final String DYING_KEY_ID = "journey";

    public static boolean createDyingAfterJiraAnswers(ApplicationContext context, String organizationId,
            TicketDraft draft, String idempotencyKey) {
        HandTicketStore store = context.getBean(HandTicketStore.class);
        Clock clock = context.getBean(Clock.class);
        HandTicketCompletion dying = new HandTicketCompletion(context.getBean(TicketLinks.class), store,
                context.getBean(AuditLog.class), clock) {
            @Override
            void complete(HandTicketRow row, CreatedIssue issue) {
                throw new WorkerKilled();
            }
        };
        TicketProperties properties = context.getBean(TicketProperties.class);
        HandTickets tickets = new HandTickets(context.getBean(SiteChecks.class), store,
                new HandTicketFiler(context.getBean(JiraClient.class), context.getBean(SiteDirectory.class), store, dying,
                        properties, clock),
                context.getBean(HandTicketViews.class), properties, context.getBean(TicketLinks.class));
        ApiCaller caller = new ApiCaller(organizationId, DYING_KEY_ID, Set.of(ApiScope.LINKS_WRITE));
        return WorkerKilled.during(() -> tickets.create(caller, draft, idempotencyKey));
    }

    /** Leases run out and back-offs end now: what a restarted node finds after waiting long enough. */
    public static void timePasses(ApplicationContext context) {
        context.getBean(JdbcClient.class).sql("""
                update hand_ticket set next_attempt_at = ?, claimed_until = null where status = 'PENDING'""")
                .param(Timestamp.from(Instant.now().minusMillis(1))).update();
    }

    /** How many hand tickets Ferry has stored, whatever their state. */
    public static long stored(ApplicationContext context) {
        return context.getBean(JdbcClient.class).sql("select count(*) from hand_ticket").query(Long.class).single();
    }

}
