package dev.ferry.auditsink;

import dev.ferry.auditrecord.AuditRecordStore;
import dev.ferry.support.WorkerKilled;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Lets tests run the audit sink worker as a node would, kill it mid-batch, and fast-forward what waits on time. */
public final class SinkDrain {

    private SinkDrain() {
    }

    /** Sends to every sink due now on the calling thread; answers how many sinks it took. */
    public static int drain(ApplicationContext context) {
        return context.getBean(SinkWorker.class).drain();
    }

    /**
     * Runs one worker that dies the moment a sink has accepted a batch, before Ferry records it: the sink stays
     * claimed under its lease with its old position, as after a crash. Answers whether it died.
     */
    public static boolean drainDyingAfterTheSinkAccepted(ApplicationContext context) {
        SinkWorker dying = new SinkWorker(context.getBean(AuditSinks.class), context.getBean(AuditRecordStore.class),
                context.getBean(SinkHeaders.class), context.getBean(SinkSender.class),
                context.getBean(SinkProperties.class), context.getBean(Clock.class)) {
            @Override
            boolean accepted(AuditSink sink, long last, int count, SinkSender.Sent sent, Instant until) {
                throw new WorkerKilled();
            }
        };
        return WorkerKilled.during(dying::drain);
    }

    /**
     * Runs one worker; while it records its first accepted batch, another node claims what is due. Answers the
     * collectors of the sinks that other node got.
     */
    public static List<String> drainWhileAnotherNodeClaims(ApplicationContext context) {
        List<String> other = new ArrayList<>();
        AtomicBoolean claimed = new AtomicBoolean();
        SinkProperties properties = context.getBean(SinkProperties.class);
        AuditSinks sinks = context.getBean(AuditSinks.class);
        SinkWorker first = new SinkWorker(sinks, context.getBean(AuditRecordStore.class),
                context.getBean(SinkHeaders.class), context.getBean(SinkSender.class), properties,
                context.getBean(Clock.class)) {
            @Override
            boolean accepted(AuditSink sink, long last, int count, SinkSender.Sent sent, Instant until) {
                if (claimed.compareAndSet(false, true)) {
                    sinks.claim(10, properties.lease()).forEach(due -> other.add(due.collectorId()));
                }
                return super.accepted(sink, last, count, sent, until);
            }
        };
        first.drain();
        return other;
    }

    /**
     * A worker that claims the sinks due now and then stalls, as one stuck in a long pause would; the runnable
     * answered wakes it, and it goes on with the claims it holds (or held).
     */
    public static Runnable claimAndStall(ApplicationContext context) {
        SinkProperties properties = context.getBean(SinkProperties.class);
        var claimed = context.getBean(AuditSinks.class).claim(10, properties.lease());
        return () -> claimed.forEach(context.getBean(SinkWorker.class)::send);
    }

    /** Leases run out and back-offs end now: what a restarted node finds after waiting long enough. */
    public static void timePasses(ApplicationContext context) {
        context.getBean(JdbcClient.class).sql("update audit_sink set next_attempt_at = ?")
                .param(Timestamp.from(Instant.now().minusMillis(1))).update();
    }
}
