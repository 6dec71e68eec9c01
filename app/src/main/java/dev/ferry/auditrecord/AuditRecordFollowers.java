package dev.ferry.auditrecord;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open follow streams. Each looks for new records every {@code stream-poll-every} and at once when a store of
 * its organization commits; each sends a heartbeat comment every {@code heartbeat} and is closed after
 * {@code stream-max-duration} (the client reconnects with {@code Last-Event-ID} and misses nothing). No request
 * thread waits: the checks run on a small shared scheduler, and a stream that ends, times out or loses its client
 * stops its timers.
 */
@Component
class AuditRecordFollowers {

    private static final int THREADS = 4;

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(THREADS, runnable -> {
        Thread thread = new Thread(runnable, "audit-record-streams");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Set<AuditRecordFollower>> open = new ConcurrentHashMap<>();
    private final AuditRecordReader reader;
    private final StreamSlots slots;
    private final AuditRecordsProperties properties;

    AuditRecordFollowers(AuditRecordReader reader, StreamSlots slots, AuditRecordsProperties properties) {
        this.reader = reader;
        this.slots = slots;
        this.properties = properties;
    }

    /** Opens a stream of the filter's records after {@code after}, or refuses one over the organization's limit. */
    SseEmitter follow(AuditRecordFilter filter, long after) {
        SseEmitter emitter = new SseEmitter(properties.streamMaxDuration().toMillis());
        AuditRecordFollower follower = new AuditRecordFollower(emitter, filter, reader, properties.exportChunk(), after,
                this::checkSoon);
        admit(follower);
        emitter.onCompletion(() -> leave(follower));
        emitter.onTimeout(() -> {
            leave(follower);
            emitter.complete();
        });
        emitter.onError(error -> leave(follower));
        try {
            // Sent at once, so the client has the answer's headers before the first record.
            emitter.send(SseEmitter.event().comment("following after " + after));
        } catch (IOException e) {
            leave(follower);
            throw new IllegalStateException(e);
        }
        long poll = properties.streamPollEvery().toMillis();
        long beat = properties.heartbeat().toMillis();
        follower.timers(List.of(
                scheduler.scheduleWithFixedDelay(() -> quietly(follower::check), 0, poll, TimeUnit.MILLISECONDS),
                scheduler.scheduleAtFixedRate(() -> quietly(follower::heartbeat), beat, beat, TimeUnit.MILLISECONDS)));
        return emitter;
    }

    int open(String organizationId) {
        return open.getOrDefault(organizationId, Set.of()).size();
    }

    @TransactionalEventListener
    void onStored(AuditRecordsStored stored) {
        open.getOrDefault(stored.organizationId(), Set.of()).forEach(this::checkSoon);
    }

    private void checkSoon(AuditRecordFollower follower) {
        try {
            scheduler.execute(() -> quietly(follower::check));
        } catch (RejectedExecutionException stopping) {
            // shutting down: the stream ends with the node, and the client resumes elsewhere
        }
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }

    private void admit(AuditRecordFollower follower) {
        slots.take(follower.organizationId());
        synchronized (open) {
            open.computeIfAbsent(follower.organizationId(), id -> ConcurrentHashMap.newKeySet()).add(follower);
        }
    }

    /** Called once or more per stream (completion, timeout, error): the slot is given back once. */
    private void leave(AuditRecordFollower follower) {
        follower.close();
        synchronized (open) {
            Set<AuditRecordFollower> ours = open.get(follower.organizationId());
            if (ours != null && ours.remove(follower)) {
                slots.release(follower.organizationId());
                if (ours.isEmpty()) {
                    open.remove(follower.organizationId());
                }
            }
        }
    }

    /** A failing check (the database away for a moment) must not cancel the stream's timer: the next one retries. */
    private static void quietly(Runnable check) {
        try {
            check.run();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(AuditRecordFollowers.class).warn("audit record stream check failed: {}",
                    e.toString());
        }
    }
}
