package dev.ferry.auditrecord;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open follow stream: sends the filter's records after the last position it sent, a chunk per query, and a
 * comment now and then. Checks run on a shared scheduler, one at a time per stream (synchronized), so a wake-up and
 * a poll never send the same record twice. A check sends one chunk and, when more may follow, asks for another
 * check at once: a stream resuming far back takes turns with the others on the scheduler's few threads, and
 * sends made before the emitter is handed to the connection (which the emitter keeps in memory) stay one chunk.
 */
class AuditRecordFollower {

    private final SseEmitter emitter;
    private final AuditRecordFilter filter;
    private final AuditRecordReader reader;
    private final int chunk;
    private final Consumer<AuditRecordFollower> again;
    private long last;
    /** The positions the filter's range spans, read again only when it has an end (reading it reads the range). */
    private AuditRecordReader.Span span;
    private boolean closed;
    private List<ScheduledFuture<?>> timers = List.of();

    AuditRecordFollower(SseEmitter emitter, AuditRecordFilter filter, AuditRecordReader reader, int chunk, long after,
            Consumer<AuditRecordFollower> again) {
        this.emitter = emitter;
        this.filter = filter;
        this.reader = reader;
        this.chunk = chunk;
        this.again = again;
        this.last = after;
    }

    String organizationId() {
        return filter.organizationId();
    }

    synchronized void timers(List<ScheduledFuture<?>> timers) {
        this.timers = timers;
        if (closed) {
            timers.forEach(timer -> timer.cancel(false));
        }
    }

    /** Sends the next chunk stored after the last position sent; a full one asks for another check. */
    synchronized void check() {
        if (closed) {
            return;
        }
        span = reader.following(filter, span);
        List<AuditRecordReader.Line> lines = reader.lines(filter, span, last, chunk);
        for (AuditRecordReader.Line line : lines) {
            if (!send(SseEmitter.event().id(Long.toString(line.position())).name("record")
                    .data(AuditRecordLines.of(line)))) {
                return;
            }
            last = line.position();
        }
        if (lines.size() == chunk) {
            again.accept(this);
        }
    }

    synchronized void heartbeat() {
        if (!closed) {
            send(SseEmitter.event().comment("heartbeat"));
        }
    }

    /** Stops the timers; the stream's thread and connection are let go by the emitter's completion. */
    synchronized void close() {
        closed = true;
        timers.forEach(timer -> timer.cancel(false));
    }

    private boolean send(SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
            return true;
        } catch (IOException | IllegalStateException e) {
            // The client went away (or the stream already ended): nothing more to send it.
            close();
            emitter.completeWithError(e);
            return false;
        }
    }
}
