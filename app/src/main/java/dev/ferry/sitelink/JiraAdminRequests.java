package dev.ferry.sitelink;

import dev.ferry.admin.ApiKeys;
import dev.ferry.admin.OrganizationDirectory;
import dev.ferry.audit.AuditAction;
import dev.ferry.audit.AuditLog;
import dev.ferry.jira.JiraPermissions;
import dev.ferry.jira.JiraException;
import dev.ferry.jira.JiraSite;
import dev.ferry.refusal.Refusal;
import dev.ferry.site.SiteDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The site's side of a link request, for Ferry's configure page inside Jira: the pending requests with a
 * one-time code each, their confirmation and their refusal. Only a Jira administrator sees, confirms or
 * declines them, and Jira is asked every time (never a claim the browser could make up); no transaction is
 * held while Jira answers.
 */
@Service
public class JiraAdminRequests {

    private static final Logger log = LoggerFactory.getLogger(JiraAdminRequests.class);

    private final SiteLinkRequestRepository requests;
    private final LinkConfirmation confirmation;
    private final SiteDirectory directory;
    private final JiraPermissions jira;
    private final OrganizationDirectory organizations;
    private final ApiKeys keys;
    private final SiteLinkingProperties properties;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    JiraAdminRequests(SiteLinkRequestRepository requests, LinkConfirmation confirmation, SiteDirectory directory,
            JiraPermissions jira, OrganizationDirectory organizations, ApiKeys keys, SiteLinkingProperties properties,
            AuditLog audit,
            PlatformTransactionManager transactions, Clock clock) {
        this.requests = requests;
        this.confirmation = confirmation;
        this.directory = directory;
        this.jira = jira;
        this.organizations = organizations;
        this.keys = keys;
        this.properties = properties;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** What the configure page shows this user; Jira is asked only when some request is pending. */
    public PendingForUser forJiraUser(String clientKey, Optional<String> accountId) {
        if (pending(clientKey).isEmpty()) {
            return new PendingForUser(Viewer.NOTHING_PENDING, List.of());
        }
        Viewer viewer = viewer(clientKey, accountId);
        if (viewer != Viewer.ADMIN) {
            return new PendingForUser(viewer, List.of());
        }
        return new PendingForUser(Viewer.ADMIN, transaction.execute(status -> withFreshCodes(clientKey)));
    }

    /** Confirms a pending request of this site (another site's request is answered as unknown). */
    public String confirmAsJiraAdmin(String clientKey, Optional<String> accountId, long requestId) {
        requireAdmin(clientKey, accountId, "confirm");
        return transaction.execute(status -> {
            SiteLinkRequest request = pendingOne(clientKey, requestId);
            confirmation.confirm(request, "confirmed in Jira by administrator " + accountId.orElseThrow(),
                    accountId.orElseThrow());
            return organizationName(request.organizationId());
        });
    }

    /**
     * Declines a pending request of this site, audited under the administrator's Jira account for the
     * organization that asked; nothing is linked, and the organization may ask again.
     */
    public String declineAsJiraAdmin(String clientKey, Optional<String> accountId, long requestId) {
        requireAdmin(clientKey, accountId, "decline");
        return transaction.execute(status -> {
            SiteLinkRequest request = pendingOne(clientKey, requestId);
            request.decline(clock.instant());
            requests.save(request);
            audit.record(request.organizationId(), "jira:" + accountId.orElseThrow(), AuditAction.SITE_LINK_DECLINED,
                    clientKey, request.siteUrl() + " (declined in Jira by administrator " + accountId.orElseThrow() + ")");
            log.info("link request {} for site {} declined by a Jira administrator", request.id(), clientKey);
            return organizationName(request.organizationId());
        });
    }

    /** The name of the organization whose request of this site is now in this state, if it is. */
    public Optional<String> organizationOf(String clientKey, long requestId, LinkRequestState state) {
        return requests.findById(requestId).filter(request -> clientKey.equals(request.clientKey()))
                .filter(request -> request.state() == state).map(request -> organizationName(request.organizationId()));
    }

    private void requireAdmin(String clientKey, Optional<String> accountId, String verb) {
        Viewer viewer = viewer(clientKey, accountId);
        if (viewer == Viewer.UNKNOWN) {
            throw new Refusal(Refusal.Kind.JIRA_REFUSED, "Jira did not answer",
                    "Jira could not tell whether you administer this site; try again");
        }
        if (viewer != Viewer.ADMIN) {
            throw Refusal.forbidden("only a Jira administrator of this site can " + verb + " a link");
        }
    }

    private SiteLinkRequest pendingOne(String clientKey, long requestId) {
        return pending(clientKey).stream().filter(r -> r.id() == requestId).findFirst()
                .orElseThrow(() -> Refusal.notFound("no pending link request " + requestId + " for this site"));
    }

    private List<PendingLink> withFreshCodes(String clientKey) {
        Instant now = clock.instant();
        return pending(clientKey).stream().map(request -> {
            String code = LinkCodes.generate();
            request.issueCode(code, now, properties.codeLifetime());
            requests.save(request);
            return new PendingLink(request.id(), organizationName(request.organizationId()), requester(request),
                    request.requestedAt(), code, now.plus(properties.codeLifetime()));
        }).toList();
    }

    private List<SiteLinkRequest> pending(String clientKey) {
        Instant now = clock.instant();
        return requests.findPendingFor(clientKey).stream().filter(request -> now.isBefore(request.expiresAt())).toList();
    }

    /** Jira's own answer to "does this user hold the Administer Jira global permission?". */
    private Viewer viewer(String clientKey, Optional<String> accountId) {
        Optional<JiraSite> site = directory.callable(clientKey);
        if (accountId.isEmpty() || site.isEmpty()) {
            return Viewer.NOT_ADMIN;
        }
        try {
            return jira.isJiraAdmin(site.get(), accountId.get()) ? Viewer.ADMIN : Viewer.NOT_ADMIN;
        } catch (JiraException e) {
            log.warn("site {}: the permission check failed ({})", clientKey, e.getMessage());
            return Viewer.UNKNOWN;
        }
    }

    /** A person by their email address; an API key by the name its organization gave it, never its id. */
    private String requester(SiteLinkRequest request) {
        String keyPrefix = "api-key:";
        if (!request.requestedBy().startsWith(keyPrefix)) {
            return request.requestedByName();
        }
        return keys.name(request.organizationId(), request.requestedBy().substring(keyPrefix.length()))
                .map(name -> "the API key \u201c" + name + "\u201d").orElse("an API key");
    }

    private String organizationName(String organizationId) {
        return organizations.name(organizationId).orElseThrow();
    }

    /** Who is looking at the configure page, as far as link requests go. */
    public enum Viewer {
        NOTHING_PENDING, ADMIN, NOT_ADMIN, UNKNOWN
    }

    /** The pending requests a Jira administrator may confirm, each with its fresh code. */
    public record PendingForUser(Viewer viewer, List<PendingLink> requests) {
    }

    /** One pending request as the configure page shows it. */
    public record PendingLink(long id, String organizationName, String requestedBy, Instant requestedAt, String code,
            Instant codeExpiresAt) {
    }
}
