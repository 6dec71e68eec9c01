package dev.ferry.sitelink;

import dev.ferry.admin.OrganizationDirectory;
import dev.ferry.jira.JiraClient;
import dev.ferry.jira.JiraException;
import dev.ferry.jira.JiraSite;
import dev.ferry.site.SiteDirectory;
import dev.ferry.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The site's side of a link request, for Ferry's configure page inside Jira: the pending requests with a
 * one-time code each, and their confirmation. Only a Jira administrator sees or confirms them, and Jira is
 * asked every time (never a claim the browser could make up); no transaction is held while Jira answers.
 */
@Service
public class JiraAdminRequests {

    private static final Logger log = LoggerFactory.getLogger(JiraAdminRequests.class);

    private final SiteLinkRequestRepository requests;
    private final LinkConfirmation confirmation;
    private final SiteDirectory directory;
    private final JiraClient jira;
    private final OrganizationDirectory organizations;
    private final SiteLinkingProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    JiraAdminRequests(SiteLinkRequestRepository requests, LinkConfirmation confirmation, SiteDirectory directory,
            JiraClient jira, OrganizationDirectory organizations, SiteLinkingProperties properties,
            PlatformTransactionManager transactions, Clock clock) {
        this.requests = requests;
        this.confirmation = confirmation;
        this.directory = directory;
        this.jira = jira;
        this.organizations = organizations;
        this.properties = properties;
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
        Viewer viewer = viewer(clientKey, accountId);
        if (viewer == Viewer.UNKNOWN) {
            throw new ApiProblem(HttpStatus.BAD_GATEWAY, "Jira did not answer",
                    "Jira could not tell whether you administer this site; try again");
        }
        if (viewer != Viewer.ADMIN) {
            throw ApiProblem.forbidden("only a Jira administrator of this site can confirm a link");
        }
        return transaction.execute(status -> {
            SiteLinkRequest request = pending(clientKey).stream().filter(r -> r.id() == requestId).findFirst()
                    .orElseThrow(() -> ApiProblem.notFound("no pending link request " + requestId + " for this site"));
            confirmation.confirm(request, "confirmed in Jira by administrator " + accountId.orElseThrow(),
                    accountId.orElseThrow());
            return organizationName(request.organizationId());
        });
    }

    private List<PendingLink> withFreshCodes(String clientKey) {
        Instant now = clock.instant();
        return pending(clientKey).stream().map(request -> {
            String code = LinkCodes.generate();
            request.issueCode(code, now, properties.codeLifetime());
            requests.save(request);
            return new PendingLink(request.id(), organizationName(request.organizationId()), request.requestedByName(),
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
