package dev.ferry.objectstate;

import dev.ferry.persistence.PollingWorker;
import dev.ferry.persistence.DatabaseFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Works the comment outbox with a few threads per node, any number of nodes against one database. Each
 * comment is handled on its own: a failure stays with it and never stops the others. Comments written on this node
 * wake it ({@link CommentOutbox}); an idle one looks less and less often.
 */
@Component
class ObjectStateWorker extends PollingWorker {

    private static final Logger log = LoggerFactory.getLogger(ObjectStateWorker.class);

    private final CommentOutbox outbox;
    private final ObjectCommenter commenter;
    private final CommentFailures failures;
    private final ObjectStateProperties properties;

    ObjectStateWorker(CommentOutbox outbox, ObjectCommenter commenter, CommentFailures failures,
            ObjectStateProperties properties) {
        super("object state worker", properties.workerEnabled(), properties.workerThreads(), properties.pollInterval());
        this.outbox = outbox;
        this.commenter = commenter;
        this.failures = failures;
        this.properties = properties;
    }

    /** Writes every comment due now on the calling thread; returns how many it took. */
    @Override
    protected int drain() {
        return drainBatches(() -> outbox.claim(properties.batchSize(), properties.lease()), this::process);
    }

    void process(ClaimedComment row) {
        try {
            if (outbox.begin(row, properties.lease())) {
                commenter.write(row);
            } else {
                log.info("object comment {}: claim {} ran out before its turn; another worker has it", row.id(),
                        row.attempts());
            }
        } catch (CommentOutbox.LeaseLost e) {
            log.info("{}; this worker lets it go", e.getMessage());
        } catch (RuntimeException e) {
            if (DatabaseFailures.isOutage(e)) {
                throw e; // nothing to record it in: the loop waits the outage out, the lease brings the row back
            }
            log.warn("object comment {} failed on Ferry's side", row.id(), e);
            failures.failed(row, "Ferry failed on its side (object comment " + row.id() + "); it tries again");
        }
    }
}
