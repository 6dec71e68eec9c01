package dev.ferry.auditsink;

import dev.ferry.auditrecord.AuditRecordLines;
import dev.ferry.auditrecord.AuditRecordStore;
import dev.ferry.auditrecord.AuditRecordsStored;
import dev.ferry.auditrecord.StoredRecord;
import dev.ferry.persistence.Columns;
import dev.ferry.persistence.DatabaseFailures;
import dev.ferry.persistence.PollingWorker;
import dev.ferry.persistence.RetryDelay;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends each sink the records after its position, a batch at a time in position order, the next batch at once
 * while records remain. A batch accepted (2xx) moves the position in the write that records the answer, fenced by
 * the claim's lease; a failed one leaves it, so the same batch goes again after a doubling back-off. Nothing is
 * skipped, and a batch sent by a worker that died before recording the answer is sent again: at least once. Records
 * stored and sinks set on this node wake it; an idle one looks less and less often.
 */
@Component
class SinkWorker extends PollingWorker {

    private static final Logger log = LoggerFactory.getLogger(SinkWorker.class);
    /**
     * Sinks claimed per query: one. A sink may keep the worker half a lease; ten claimed together left the later
     * ones waiting behind it under leases that ran out, held from other workers and nodes, then fenced out.
     */
    private static final int CLAIM = 1;

    private final AuditSinks sinks;
    private final AuditRecordStore records;
    private final SinkHeaders headers;
    private final SinkSender sender;
    private final SinkProperties properties;
    private final Clock clock;

    SinkWorker(AuditSinks sinks, AuditRecordStore records, SinkHeaders headers, SinkSender sender,
            SinkProperties properties, Clock clock) {
        super("audit sink worker", properties.workerEnabled(), properties.workerThreads(), properties.idleSleep());
        this.sinks = sinks;
        this.records = records;
        this.headers = headers;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
    }

    /** Records this node stored may be due to a sink: sent now rather than at the end of an idle sleep. */
    @TransactionalEventListener(fallbackExecution = true)
    void onStored(AuditRecordsStored stored) {
        wake();
    }

    /** Sends everything due now on the calling thread; answers how many sinks it took. */
    @Override
    protected int drain() {
        return drainBatches(() -> sinks.claim(CLAIM, properties.lease()), this::sendAlone);
    }

    /** A failure on Ferry's side stays with its sink (its lease brings it back) and never stops the others. */
    private void sendAlone(AuditSink sink) {
        try {
            send(sink);
        } catch (RuntimeException e) {
            if (DatabaseFailures.isOutage(e)) {
                throw e;
            }
            log.warn("audit sink of collector {} failed on Ferry's side: {}", sink.collectorId(), e.toString());
        }
    }

    /**
     * Batch after batch while records remain, for half a lease at most; then the sink is let go, due at once, so
     * sinks claimed meanwhile by nobody else get their turn.
     */
    void send(AuditSink claimed) {
        AuditSink sink = claimed;
        Instant slice = clock.instant().plus(properties.lease().dividedBy(2));
        while (true) {
            List<StoredRecord> batch = records.after(sink.organizationId(), sink.collectorId(), sink.position(),
                    sink.batchSize());
            if (batch.isEmpty() || clock.instant().isAfter(slice)) {
                sinks.release(sink);
                return;
            }
            sink = post(sink, batch);
            if (sink == null) {
                return;
            }
        }
    }

    /** Posts one batch; answers the sink as it is after an accepted batch, null when it must wait (or was lost). */
    private AuditSink post(AuditSink sink, List<StoredRecord> batch) {
        SinkSender.Sent sent = sender.post(sink.url(), headers.open(sink), AuditRecordLines.of(batch));
        long first = batch.get(0).position();
        long last = batch.get(batch.size() - 1).position();
        if (sent.accepted()) {
            Instant until = Columns.fence(clock.instant().plus(properties.lease()));
            if (!accepted(sink, last, batch.size(), sent, until)) {
                log.info("audit sink of collector {}: claim ran out while positions {}..{} were sent; they go again",
                        sink.collectorId(), first, last);
                return null;
            }
            log.info("audit sink of collector {} accepted positions {}..{} ({} records), answered {}",
                    sink.collectorId(), first, last, batch.size(), sent.status());
            return sink.accepted(last, batch.size(), until);
        }
        Instant next = clock.instant().plus(RetryDelay.doubling(properties.backoffInitial(), properties.backoffMax(),
                sink.attempts() + 1));
        sinks.failed(sink, sent.status(), sent.answer(), sent.failure(), next);
        log.info("audit sink of collector {}, positions {}..{}, attempt {}: {}; again at {}", sink.collectorId(), first,
                last, sink.attempts() + 1, sent.failure(), next);
        return null;
    }

    /** Records the accepted batch; a test overrides it to die between the sink's answer and this write. */
    boolean accepted(AuditSink sink, long last, int count, SinkSender.Sent sent, Instant until) {
        return sinks.accepted(sink, last, count, sent.status(), sent.answer(), until);
    }
}
