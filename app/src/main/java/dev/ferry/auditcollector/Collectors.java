package dev.ferry.auditcollector;

import dev.ferry.audit.AuditAction;
import dev.ferry.audit.AuditLog;
import dev.ferry.connection.ApiTokenConnections;
import dev.ferry.connection.ConnectionView;
import dev.ferry.connection.Connections;
import dev.ferry.connection.NewApiToken;
import dev.ferry.ingest.IngestTargets;
import dev.ferry.principal.Caller;
import dev.ferry.refusal.BodyChecks;
import dev.ferry.refusal.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An organization's audit collectors, for the product API and the console alike: add one over a connection (or
 * over a new API-token connection made on the way, as the SIEM connector's form does), change its settings,
 * pause, resume, delete. Every change is audited with who made it; another organization's id is unknown.
 */
@Service
public class Collectors {

    private static final Logger log = LoggerFactory.getLogger(Collectors.class);

    private final CollectorRows rows;
    private final Connections connections;
    private final ApiTokenConnections apiTokens;
    private final IngestTargets targets;
    private final CollectorProperties properties;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Collectors(CollectorRows rows, Connections connections, ApiTokenConnections apiTokens, IngestTargets targets,
            CollectorProperties properties, AuditLog audit, TransactionTemplate transaction, Clock clock) {
        this.rows = rows;
        this.connections = connections;
        this.apiTokens = apiTokens;
        this.targets = targets;
        this.properties = properties;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * What a person or program asks for: an existing {@code connectionId}, or a site URL, email and API token
     * for a new connection; a null setting of an edit keeps what the collector has.
     */
    public record Request(String connectionId, String siteUrl, String email, String apiToken, Integer pollMinutes,
            String pollInterval, String startFrom, String filter) {

        boolean newConnection() {
            return connectionId == null || connectionId.isBlank();
        }

        @Override
        public String toString() {
            return "Request[" + connectionId + ", " + siteUrl + ", " + email + ", token hidden]";
        }
    }

    public java.util.List<CollectorView> list(String organizationId) {
        Map<String, ConnectionView> byId = connectionsOf(organizationId);
        Map<String, SinkSummary> sinks = rows.sinks(organizationId);
        Instant now = clock.instant();
        return rows.listOf(organizationId).stream()
                .map(c -> CollectorView.of(c, byId.get(c.connectionId()), sinks.get(c.id()), now)).toList();
    }

    public CollectorView find(String organizationId, String id) {
        AuditCollector collector = collector(organizationId, id);
        return CollectorView.of(collector, connectionsOf(organizationId).get(collector.connectionId()),
                rows.sinks(organizationId).get(id), clock.instant());
    }

    /** The organization's collector; another organization's is answered as unknown, revealing nothing. */
    AuditCollector collector(String organizationId, String id) {
        return rows.find(organizationId, id)
                .orElseThrow(() -> Refusal.notFound("no audit collector " + id + " in this organization"));
    }

    /**
     * Adds a collector. Its settings are checked before anything else; a new API-token connection is then added
     * the connection room's way (Jira must accept the token) in the same transaction as the collector, so a
     * refusal of either leaves neither.
     */
    public CollectorView add(Caller caller, Request request) {
        CollectorInput.Settings settings = settings(request, null);
        String id = UUID.randomUUID().toString();
        if (request.newConnection()) {
            transaction.executeWithoutResult(status -> {
                String connectionId = apiTokens.add(caller.organizationId(), caller.actor(), new NewApiToken(
                        request.siteUrl(), request.email(), request.apiToken(), null, null, null, null, null, null))
                        .connection().id();
                insert(caller, id, connectionId, settings);
            });
        } else {
            if (request.siteUrl() != null || request.email() != null || request.apiToken() != null) {
                throw Refusal.invalid("give connectionId or siteUrl, email and apiToken for a new connection, not both");
            }
            targets.requireOwned(caller.organizationId(), request.connectionId());
            transaction.executeWithoutResult(status -> insert(caller, id, request.connectionId(), settings));
        }
        return find(caller.organizationId(), id);
    }

    private void insert(Caller caller, String id, String connectionId, CollectorInput.Settings settings) {
        rows.onConnection(connectionId).ifPresent(existing -> {
            throw taken(connectionId, existing);
        });
        try {
            rows.insert(id, caller.organizationId(), connectionId, settings, caller.actor(), clock.instant());
        } catch (DuplicateKeyException raced) {
            throw taken(connectionId, rows.onConnection(connectionId).orElse("?"));
        }
        audit.record(caller.organizationId(), caller.actor(), AuditAction.AUDIT_COLLECTOR_ADDED, id,
                "connection " + connectionId + ", " + describe(settings));
        log.info("audit collector {} added over connection {} by {}", id, connectionId, caller.actor());
    }

    /**
     * Changes the settings given. A new start or filter changes what the collector reads, so it starts over from
     * its start at once; a new interval alone only brings the next poll closer when it should be.
     */
    public CollectorView edit(Caller caller, String id, Request request) {
        AuditCollector current = collector(caller.organizationId(), id);
        if (!request.newConnection() || request.siteUrl() != null || request.email() != null
                || request.apiToken() != null) {
            throw Refusal.invalid("a collector's connection stays: delete the collector and add one over the other"
                    + " connection");
        }
        CollectorInput.Settings settings = settings(request, current);
        boolean restart = !Objects.equals(settings.startFrom(), current.startFrom())
                || !Objects.equals(settings.filter(), current.filter());
        transaction.executeWithoutResult(status -> {
            rows.change(id, settings, restart, clock.instant());
            audit.record(caller.organizationId(), caller.actor(), AuditAction.AUDIT_COLLECTOR_EDITED, id,
                    describe(settings) + (restart ? "; reads again from its start" : ""));
        });
        log.info("audit collector {} edited by {}{}", id, caller.actor(), restart ? ", reading again from its start" : "");
        return find(caller.organizationId(), id);
    }

    public CollectorView pause(Caller caller, String id) {
        return change(caller, id, AuditAction.AUDIT_COLLECTOR_PAUSED, "paused", rows::pause);
    }

    public CollectorView resume(Caller caller, String id) {
        return change(caller, id, AuditAction.AUDIT_COLLECTOR_RESUMED, "resumed: polls now", rows::resume);
    }

    /** Deletes the collector and its sink; the records it stored stay, listable by its id, until retention. */
    public void delete(Caller caller, String id) {
        AuditCollector collector = collector(caller.organizationId(), id);
        transaction.executeWithoutResult(status -> {
            rows.delete(id);
            audit.record(caller.organizationId(), caller.actor(), AuditAction.AUDIT_COLLECTOR_DELETED, id,
                    "connection " + collector.connectionId() + "; " + collector.records()
                            + " stored records stay until retention");
        });
        log.info("audit collector {} deleted by {}", id, caller.actor());
    }

    private CollectorView change(Caller caller, String id, AuditAction action, String detail,
            java.util.function.BiConsumer<String, Instant> update) {
        collector(caller.organizationId(), id);
        transaction.executeWithoutResult(status -> {
            update.accept(id, clock.instant());
            audit.record(caller.organizationId(), caller.actor(), action, id, detail);
        });
        log.info("audit collector {} {} by {}", id, detail, caller.actor());
        return find(caller.organizationId(), id);
    }

    /** Every setting checked at once; {@code current} null: a new collector, whose interval defaults. */
    private CollectorInput.Settings settings(Request request, AuditCollector current) {
        BodyChecks checks = new BodyChecks();
        Duration interval = CollectorInput.interval(checks, request.pollMinutes(), request.pollInterval(),
                properties.minPollInterval());
        Instant start = CollectorInput.startFrom(checks, request.startFrom(), clock.instant());
        String filter = CollectorInput.filter(checks, request.filter());
        checks.refuseIfAny();
        if (current == null) {
            return new CollectorInput.Settings(interval != null ? interval : properties.pollInterval(), start, filter);
        }
        return new CollectorInput.Settings(interval != null ? interval : current.pollInterval(),
                request.startFrom() == null ? current.startFrom() : start,
                request.filter() == null ? current.filter() : filter);
    }

    private Map<String, ConnectionView> connectionsOf(String organizationId) {
        return connections.of(organizationId).stream()
                .collect(java.util.stream.Collectors.toMap(ConnectionView::id, Function.identity(), (a, b) -> a));
    }

    private static Refusal taken(String connectionId, String existing) {
        return Refusal.conflict("connection " + connectionId + " already has an audit collector (" + existing
                + "): one collector per connection, since two would read and store the same records twice");
    }

    private static String describe(CollectorInput.Settings settings) {
        return "every " + CollectorInput.words(settings.pollInterval())
                + (settings.startFrom() == null ? "" : ", from " + settings.startFrom())
                + (settings.filter() == null ? "" : ", filter \"" + settings.filter() + "\"");
    }
}
