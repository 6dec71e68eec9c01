package dev.ferry.auditcollector;

import dev.ferry.audit.AuditAction;
import dev.ferry.audit.AuditLog;
import dev.ferry.connection.ConnectionKind;
import dev.ferry.connection.ConnectionView;
import dev.ferry.connection.Connections;
import dev.ferry.connection.FailureWords;
import dev.ferry.ingest.IngestTarget;
import dev.ferry.ingest.IngestTargets;
import dev.ferry.jira.JiraAuditReads;
import dev.ferry.jira.JiraException;
import dev.ferry.principal.Caller;
import dev.ferry.refusal.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A collector's Test: one page of one record of the last day's audit records, read as the collector would read
 * them, and what it means in the words of the admin who must act. It changes nothing but is audited.
 */
@Service
public class CollectorTest {

    private static final Logger log = LoggerFactory.getLogger(CollectorTest.class);
    private static final Duration LOOK_BACK = Duration.ofDays(1);

    private final Collectors collectors;
    private final IngestTargets targets;
    private final Connections connections;
    private final JiraAuditReads reads;
    private final AuditLog audit;
    private final Clock clock;

    CollectorTest(Collectors collectors, IngestTargets targets, Connections connections, JiraAuditReads reads,
            AuditLog audit, Clock clock) {
        this.collectors = collectors;
        this.targets = targets;
        this.connections = connections;
        this.reads = reads;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What the test found.
     *
     * @param recordsInLastDay how many records Jira says the last day holds (with the collector's filter); null
     *                         when it could not read them
     */
    public record Result(String collectorId, boolean ok, String message, Long recordsInLastDay) {
    }

    public Result test(Caller caller, String id) {
        AuditCollector collector = collectors.collector(caller.organizationId(), id);
        Result result = targets.find(collector.connectionId())
                .filter(target -> target.organizationId().equals(caller.organizationId()))
                .map(target -> read(collector, target))
                .orElseGet(() -> new Result(id, false, "Ferry cannot open the collector's connection (deleted, or its"
                        + " credentials are gone): add the connection again and a collector over it.", null));
        audit.record(caller.organizationId(), caller.actor(), AuditAction.AUDIT_COLLECTOR_TESTED, id,
                (result.ok() ? "ok: " : "failed: ") + result.message());
        log.info("audit collector {} tested by {}: {}", id, caller.actor(), result.ok() ? "ok" : "failed");
        return result;
    }

    private Result read(AuditCollector collector, IngestTarget target) {
        Instant now = clock.instant();
        try {
            JiraAuditReads.AuditPage page = reads.records(target.jira(), now.minus(LOOK_BACK), now, 0, 1,
                    collector.filter());
            return new Result(collector.id(), true, "can read audit records (" + page.total() + " in the last day)",
                    page.total());
        } catch (JiraException e) {
            return new Result(collector.id(), false, failure(collector, e, Duration.between(now, clock.instant())), null);
        } catch (Refusal refused) {
            return new Result(collector.id(), false, refused.getMessage(), null);
        }
    }

    private String failure(AuditCollector collector, JiraException e, Duration waited) {
        ConnectionKind kind = targets.kindOf(collector.connectionId());
        if (e.kind() == JiraException.Kind.DENIED && onFreePlan(e)) {
            return "Jira keeps no audit log for this site: " + e.jiraMessage();
        }
        if (e.kind() == JiraException.Kind.DENIED) {
            return forbidden(kind, connection(collector));
        }
        return FailureWords.of(kind, e, "Jira", waited);
    }

    /** Jira's other 403: audit logs exist only while a Jira product of the site is on a paid plan. */
    private static boolean onFreePlan(JiraException e) {
        return e.jiraMessage() != null && e.jiraMessage().toLowerCase(java.util.Locale.ROOT).contains("paid plan");
    }

    /** Jira's 403 to the audit records: the account lacks Administer Jira, or the app or grant lacks the scope. */
    static String forbidden(ConnectionKind kind, Optional<ConnectionView> connection) {
        return switch (kind) {
            case API_TOKEN -> "The account " + connection.map(ConnectionView::email).orElse("of the connection")
                    + " lacks the global permission Administer Jira, which Jira requires to read audit records.";
            case OAUTH -> "The account " + connection.map(CollectorTest::oauthAccount).orElse("of the connection")
                    + " lacks the global permission Administer Jira, which Jira requires to read audit records, or"
                    + " Ferry's authorization lacks the scope manage:jira-configuration: grant the permission, or add"
                    + " the scope to ferry.oauth.scopes and use Reconnect.";
            case APP_INSTALL -> "The app lacks the ADMIN scope, which Jira requires to read audit records: a Jira"
                    + " admin updates the app (Apps → Manage apps → Ferry → Update) to approve the new scope.";
        };
    }

    private static String oauthAccount(ConnectionView connection) {
        return connection.account() != null && connection.account().displayName() != null
                ? connection.account().displayName() : connection.email();
    }

    private Optional<ConnectionView> connection(AuditCollector collector) {
        try {
            return Optional.of(connections.find(collector.organizationId(), collector.connectionId()));
        } catch (Refusal gone) {
            return Optional.empty();
        }
    }
}
