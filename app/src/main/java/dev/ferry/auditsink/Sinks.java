package dev.ferry.auditsink;

import dev.ferry.audit.AuditAction;
import dev.ferry.audit.AuditLog;
import dev.ferry.persistence.NewWork;
import dev.ferry.principal.Caller;
import dev.ferry.refusal.BodyChecks;
import dev.ferry.refusal.Refusal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A collector's sink, for the product API and the console alike: set, read, remove, test. The collector must be
 * the caller's organization's (another's is as absent as a missing one); each change is audited, with who. A sink
 * set here is due at once, so it wakes this node's worker when the change commits.
 */
@Service
class Sinks {

    private final AuditSinks sinks;
    private final SinkHeaders headers;
    private final SinkInput input;
    private final SinkSender sender;
    private final SinkProperties properties;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Sinks(AuditSinks sinks, SinkHeaders headers, SinkInput input, SinkSender sender, SinkProperties properties,
            AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.sinks = sinks;
        this.headers = headers;
        this.input = input;
        this.sender = sender;
        this.properties = properties;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What a person or program sets. {@code headers}: a non-empty map replaces the headers kept; an empty or absent
     * one keeps them, unless {@code replaceHeaders} is true (then the headers are exactly those given, none for an
     * empty map). An absent {@code batchSize} keeps the sink's (the default for a new one); absent {@code enabled}
     * is true.
     */
    record Request(String url, Map<String, String> headers, Integer batchSize, Boolean enabled, Boolean replaceHeaders) {
    }

    /** A sink with how many of its collector's records it has not accepted yet. */
    record WithLag(AuditSink sink, long lag) {
    }

    @Transactional
    WithLag set(Caller caller, String collectorId, Request request) {
        requireCollector(caller.organizationId(), collectorId);
        BodyChecks checks = new BodyChecks();
        input.check(checks, request.url(), request.headers(), request.batchSize());
        checks.refuseIfAny();
        var existing = sinks.find(caller.organizationId(), collectorId);
        AuditSinks.Settings settings = settings(collectorId, request, existing.orElse(null));
        if (existing.isPresent()) {
            sinks.update(existing.get(), settings, caller.actor());
        } else {
            sinks.insert(caller.organizationId(), collectorId, settings, caller.actor());
        }
        events.publishEvent(new NewWork(SinkWorker.class));
        audit.record(caller.organizationId(), caller.actor(), AuditAction.AUDIT_SINK_SET, collectorId,
                settings.url() + " headers=" + settings.headerNames() + " batchSize=" + settings.batchSize()
                        + (settings.enabled() ? "" : " (disabled)"));
        return find(caller.organizationId(), collectorId);
    }

    WithLag find(String organizationId, String collectorId) {
        AuditSink sink = sink(organizationId, collectorId);
        return new WithLag(sink, sinks.behind(sink));
    }

    /** The collector's sink, if it has one; refused as not found when the organization has no such collector. */
    Optional<WithLag> ofCollector(String organizationId, String collectorId) {
        requireCollector(organizationId, collectorId);
        return sinks.find(organizationId, collectorId).map(sink -> new WithLag(sink, sinks.behind(sink)));
    }

    @Transactional
    void remove(Caller caller, String collectorId) {
        AuditSink sink = sink(caller.organizationId(), collectorId);
        sinks.delete(caller.organizationId(), collectorId);
        audit.record(caller.organizationId(), caller.actor(), AuditAction.AUDIT_SINK_REMOVED, collectorId, sink.url());
    }

    /** Posts one test line with the sink's headers, now, and answers what the sink said; the sink's state stays. */
    SinkSender.Sent test(Caller caller, String collectorId) {
        AuditSink sink = sink(caller.organizationId(), collectorId);
        return sender.post(sink.url(), headers.open(sink), SinkLines.test(collectorId, clock.instant()));
    }

    private AuditSinks.Settings settings(String collectorId, Request request, AuditSink existing) {
        Map<String, String> given = new LinkedHashMap<>(request.headers() == null ? Map.of() : request.headers());
        boolean replace = !given.isEmpty() || Boolean.TRUE.equals(request.replaceHeaders()) || existing == null;
        int batchSize = request.batchSize() != null ? request.batchSize()
                : existing != null ? existing.batchSize() : properties.defaultBatchSize();
        boolean enabled = request.enabled() == null || request.enabled();
        String url = request.url().strip();
        if (!replace) {
            return new AuditSinks.Settings(url, existing.headerNames(), existing.headers(), batchSize, enabled);
        }
        given.replaceAll((name, value) -> value == null ? "" : value);
        return new AuditSinks.Settings(url, List.copyOf(given.keySet()), headers.seal(collectorId, given), batchSize,
                enabled);
    }

    private AuditSink sink(String organizationId, String collectorId) {
        requireCollector(organizationId, collectorId);
        return sinks.find(organizationId, collectorId).orElseThrow(() -> Refusal.notFound(
                "audit collector " + collectorId + " has no sink"));
    }

    private void requireCollector(String organizationId, String collectorId) {
        if (!sinks.collectorExists(organizationId, collectorId)) {
            throw Refusal.notFound("no audit collector " + collectorId + " in this organization");
        }
    }
}
