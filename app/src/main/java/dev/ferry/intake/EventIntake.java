package dev.ferry.intake;

import dev.ferry.delivery.Outbox;
import dev.ferry.destination.Destination;
import dev.ferry.destination.EventTargets;
import dev.ferry.event.EventRequest;
import dev.ferry.event.EventValidator;
import dev.ferry.event.ProductEvent;
import dev.ferry.event.ProductEvents;
import dev.ferry.logging.LogContext;
import dev.ferry.persistence.GroupCommit;
import dev.ferry.persistence.GroupCommitLifecycle;
import dev.ferry.principal.ApiCaller;
import dev.ferry.refusal.Refusal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a product event: checks it against the catalog, stores it and one outbox row per destination whose
 * rule for its type is on, all in one transaction. Nothing is sent to Jira here. A destination whose site
 * is not linked to the organization gets no row: the answer names it as skipped instead.
 * <p>
 * Events posted together are stored together ({@link GroupCommit}): the post's thread checks its event, a writer
 * thread stores it with the others waiting and commits once, and the post is answered once its event is committed.
 * The writers stop after the web server (a lower phase stops later), storing what was already handed in.
 */
@Service
class EventIntake extends GroupCommitLifecycle<ProductEvent, EventIntake.Accepted> {

    private static final int MAX_BATCH = 256;

    private final EventValidator validator;
    private final ProductEvents events;
    private final EventTargets targets;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final IntakeProperties properties;

    EventIntake(EventValidator validator, ProductEvents events, EventTargets targets, Outbox outbox,
            TransactionTemplate transaction, Clock clock, IntakeProperties properties) {
        super("event-intake", MAX_BATCH, 4 * MAX_BATCH, properties.writerThreads(), properties.storeTimeout());
        this.validator = validator;
        this.events = events;
        this.targets = targets;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * The accepted event; {@code duplicate} when its idempotency key was seen before (then {@code skipped}
     * is empty: the first answer named them).
     */
    record Accepted(ProductEvent event, boolean duplicate, int deliveries, List<Skipped> skipped) {
    }

    /** A destination that wanted the event but gets no delivery, and why. */
    record Skipped(String destinationId, String site, String projectKey, String reason) {

        static final String SITE_NOT_LINKED = "site not linked";

        static Skipped siteNotLinked(Destination destination) {
            return new Skipped(destination.id(), destination.clientKey(), destination.projectKey(), SITE_NOT_LINKED);
        }
    }

    Accepted accept(ApiCaller caller, EventRequest request) {
        ProductEvent event = validator.validate(caller.organizationId(), request, UUID.randomUUID().toString(),
                clock.instant());
        try {
            return writes().write(event, properties.storeTimeout());
        } catch (DuplicateKeyException seen) {
            // The idempotency key's unique constraint, not a read before every insert, finds a repeat: a new event
            // costs no extra statement, a repeat (rare) a rolled-back insert and then the read of the first.
            return repeated(earlier(event).orElseThrow(() -> seen));
        }
    }

    private Accepted repeated(ProductEvent event) {
        return new Accepted(event, true, outbox.forEvent(event.id()).size(), List.of());
    }

    private Optional<ProductEvent> earlier(ProductEvent event) {
        if (event.idempotencyKey() == null) {
            return Optional.empty();
        }
        Optional<ProductEvent> seen = events.findByIdempotencyKey(event.organizationId(), event.idempotencyKey());
        seen.filter(previous -> !previous.type().equals(event.type()) || !previous.subject().equals(event.subject()))
                .ifPresent(previous -> {
                    throw Refusal.conflict("the idempotency key " + event.idempotencyKey()
                            + " was already used for a different event (" + previous.id() + ")");
                });
        return seen;
    }

    @Override
    public List<Accepted> writeAll(List<ProductEvent> batch) {
        return transaction.execute(status -> batch.stream().map(this::store).toList());
    }

    /** Alone: a batch failed, say on one event's idempotency key; that one throws {@link DuplicateKeyException}. */
    @Override
    public Accepted writeOne(ProductEvent event) {
        return transaction.execute(status -> store(event));
    }

    /** Stores the event and its outbox rows. */
    private Accepted store(ProductEvent event) {
        return LogContext.call(() -> storeNow(event), LogContext.EVENT, event.id(), LogContext.ORGANIZATION,
                event.organizationId());
    }

    private Accepted storeNow(ProductEvent event) {
        events.insert(event);
        EventTargets.Targets wanting = targets.of(event.organizationId(), event.type());
        wanting.deliver().forEach(destination -> outbox.enqueue(event.id(), destination, dedupKey(destination, event)));
        outbox.wakeWorkerAfterCommit();
        return new Accepted(event, false, wanting.deliver().size(),
                wanting.unlinked().stream().map(Skipped::siteNotLinked).toList());
    }

    static String dedupKey(Destination destination, ProductEvent event) {
        return String.join("\u001f", destination.id(), event.subject().type(), event.subject().id(), event.type());
    }
}
