package dev.ferry.auditcollector;

import dev.ferry.auditrecord.AuditRecordStore;
import dev.ferry.ingest.IngestTargets;
import dev.ferry.jira.JiraAuditReads;
import dev.ferry.sitelink.SiteLinks;
import dev.ferry.support.WorkerKilled;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets tests poll audit collectors as a node would, on the calling thread: with the node's settings or smaller
 * pages, killed after some pages, or overtaken by a rival poller; and fast-forward what waits on time.
 */
public final class AuditPollDrain {

    private AuditPollDrain() {
    }

    /** A collector as the collectors' API adds one: due now, nothing read yet. Answers its id. */
    public static String addCollector(ApplicationContext context, String organizationId, String connectionId,
            Instant startFrom, String filter) {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc(context).sql("""
                insert into audit_collector (id, organization_id, connection_id, poll_seconds, start_from, filter, paused,
                    window_offset, next_poll_at, attempts, records, created_by, created_at, updated_at)
                values (?, ?, ?, 300, ?, ?, false, 0, ?, 0, 0, 'journey', ?, ?)""")
                .params(id, organizationId, connectionId, startFrom == null ? null : Timestamp.from(startFrom), filter, now,
                        now, now).update();
        return id;
    }

    public static AuditCollector collector(ApplicationContext context, String id) {
        return jdbc(context).sql("select * from audit_collector where id = ?").param(id).query(AuditCollector::read)
                .single();
    }

    /** Polls every collector due now with the node's settings; answers how many polls it took. */
    public static int drain(ApplicationContext context) {
        return context.getBean(AuditPoller.class).runDue();
    }

    /** As {@link #drain}, asking Jira for {@code pageSize} records a page. */
    public static int drain(ApplicationContext context, int pageSize) {
        return poller(context, pageSize, new CollectorPolls(jdbc(context), context.getBean(TransactionTemplate.class),
                context.getBean(Clock.class))).runDue();
    }

    /** As {@link #drain(ApplicationContext, int)}, reading Jira through {@code reads} (a spy that alters answers). */
    public static int drain(ApplicationContext context, int pageSize, JiraAuditReads reads) {
        return poller(context, pageSize, new CollectorPolls(jdbc(context), context.getBean(TransactionTemplate.class),
                context.getBean(Clock.class)), reads).runDue();
    }

    /**
     * Runs one poller that commits {@code pages} pages and dies in the transaction of the next, before anything of
     * it is kept: the collector stays claimed under the dead poller's lease, as after a crash. Answers whether it died.
     */
    public static boolean drainDyingAfter(ApplicationContext context, int pageSize, int pages) {
        AtomicInteger committed = new AtomicInteger();
        CollectorPolls dying = new CollectorPolls(jdbc(context), context.getBean(TransactionTemplate.class),
                context.getBean(Clock.class)) {
            @Override
            void counted(String collectorId, int added) {
                if (committed.getAndIncrement() == pages) {
                    throw new WorkerKilled();
                }
                super.counted(collectorId, added);
            }
        };
        return WorkerKilled.during(() -> poller(context, pageSize, dying).runDue());
    }

    /**
     * Runs a poller that, after committing {@code pages} pages and reading the next, waits for {@code meanwhile} to
     * run to its end on another thread before committing it: a second node that found the lease run out, or Jira
     * changing under the poller. Answers how many polls the poller took.
     */
    public static int drainMeanwhile(ApplicationContext context, int pageSize, int pages, Runnable meanwhile) {
        AtomicInteger advanced = new AtomicInteger();
        CollectorPolls stalling = new CollectorPolls(jdbc(context), context.getBean(TransactionTemplate.class),
                context.getBean(Clock.class)) {
            @Override
            boolean advance(PollClaim claim, int nextOffset, Instant newest, Instant lease) {
                if (advanced.getAndIncrement() == pages) {
                    Thread other = new Thread(meanwhile, "meanwhile");
                    other.start();
                    try {
                        other.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return super.advance(claim, nextOffset, newest, lease);
            }
        };
        return poller(context, pageSize, stalling).runDue();
    }

    /** Leases run out and waits end now: what a node finds after waiting long enough. */
    public static void timePasses(ApplicationContext context) {
        jdbc(context).sql("update audit_collector set next_poll_at = ?")
                .param(Timestamp.from(Instant.now().minusMillis(1))).update();
    }

    private static AuditPoller poller(ApplicationContext context, int pageSize, CollectorPolls polls) {
        return poller(context, pageSize, polls, context.getBean(JiraAuditReads.class));
    }

    private static AuditPoller poller(ApplicationContext context, int pageSize, CollectorPolls polls,
            JiraAuditReads reads) {
        CollectorProperties node = context.getBean(CollectorProperties.class);
        CollectorProperties paged = new CollectorProperties(node.workerEnabled(), node.idleSleep(), node.pollInterval(),
                node.minPollInterval(), node.overlap(), node.firstRunDays(), pageSize, node.lease(), node.slice(),
                node.workerThreads(), node.retryInitial(), node.retryMax(), node.forbiddenRecheck(),
                node.credentialsRecheck());
        return new AuditPoller(polls, reads, context.getBean(IngestTargets.class),
                context.getBean(AuditRecordStore.class), context.getBean(SiteLinks.class),
                context.getBean(TransactionTemplate.class), paged, context.getBean(Clock.class));
    }

    private static JdbcClient jdbc(ApplicationContext context) {
        return context.getBean(JdbcClient.class);
    }
}
