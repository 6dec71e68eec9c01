package dev.ferry.link;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ferry.event.EventRequest;
import dev.ferry.principal.ApiCaller;
import dev.ferry.principal.ApiScope;
import dev.ferry.principal.RequiresScope;
import dev.ferry.refusal.Refusal;
import dev.ferry.site.SiteDirectory;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The tickets linked to a product object, and linking or unlinking one by hand. */
@RestController
class LinksController {

    private final TicketLinks links;
    private final ManualLinks manual;
    private final SiteDirectory sites;
    private final LinkStatuses statuses;

    LinksController(TicketLinks links, ManualLinks manual, SiteDirectory sites, LinkStatuses statuses) {
        this.statuses = statuses;
        this.links = links;
        this.manual = manual;
        this.sites = sites;
    }

    /**
     * A linked ticket; {@code broken} when the issue is gone from Jira. {@code status} is null and {@code statusKnown}
     * false when Ferry does not know it, {@code statusReason} saying why ({@link LinkStatus.Reason}).
     */
    record LinkBody(long id, String site, String issueKey, String issueUrl,
            @JsonInclude(JsonInclude.Include.ALWAYS) String status, String statusCategory, boolean broken,
            String origin, String eventType, String eventId, Instant createdAt, Instant lastSyncedAt,
            boolean statusKnown, @JsonInclude(JsonInclude.Include.ALWAYS) String statusReason) {
    }

    /** Links an existing ticket by key without touching it. */
    record NewLink(String site, String issueKey, EventRequest.SubjectBody subject) {
    }

    @GetMapping("/api/v1/links")
    @RequiresScope(ApiScope.LINKS_READ)
    List<LinkBody> list(ApiCaller caller, @RequestParam String subjectType, @RequestParam String subjectId) {
        Map<String, String> baseUrls = new HashMap<>();
        var judge = statuses.forListing();
        return links.forObject(caller.organizationId(), subjectType, subjectId).stream()
                .map(link -> body(link, baseUrls.computeIfAbsent(link.clientKey(), this::baseUrl), judge.apply(link)))
                .toList();
    }

    @PostMapping("/api/v1/links")
    @RequiresScope(ApiScope.LINKS_WRITE)
    ResponseEntity<LinkBody> link(ApiCaller caller, @RequestBody NewLink request) {
        TicketLink link = manual.link(caller, request);
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/links/" + link.id()))
                .body(body(link, baseUrl(link.clientKey()), statuses.forListing().apply(link)));
    }

    @DeleteMapping("/api/v1/links/{id}")
    @RequiresScope(ApiScope.LINKS_WRITE)
    ResponseEntity<Void> unlink(ApiCaller caller, @PathVariable long id) {
        manual.unlink(caller, id);
        return ResponseEntity.noContent().build();
    }

    private String baseUrl(String clientKey) {
        return sites.callable(clientKey).map(site -> site.baseUrl().toString()).orElse(null);
    }

    private static LinkBody body(TicketLink link, String baseUrl, LinkStatus status) {
        return new LinkBody(link.id(), link.clientKey(), link.issueKey(), IssueUrls.browse(baseUrl, link.issueKey()),
                status.shown(link), link.statusCategory(), link.issueDeleted(), link.origin().name(),
                link.provenance().eventType(), link.provenance().eventId(), link.createdAt(), link.lastSyncedAt(),
                status.known(), status.code());
    }

    static Refusal noLink(long id) {
        return Refusal.notFound("no link " + id);
    }
}
