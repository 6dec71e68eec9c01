package dev.ferry.sitelink;

import dev.ferry.principal.ApiCaller;
import dev.ferry.principal.ApiScope;
import dev.ferry.principal.RequiresScope;
import dev.ferry.refusal.Refusal;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organization's Jira sites: ask to link one (a Jira administrator of the site confirms it, or its
 * one-time code is sent back), list links and open requests, confirm with a code, cancel, disconnect.
 */
@RestController
@RequestMapping("/api/v1/sites")
class SiteLinkController {

    private final LinkRequests requests;
    private final SiteConnections connections;
    private final LinkedSites linked;

    SiteLinkController(LinkRequests requests, SiteConnections connections, LinkedSites linked) {
        this.requests = requests;
        this.connections = connections;
        this.linked = linked;
    }

    @GetMapping
    @RequiresScope(ApiScope.CONFIG_READ)
    SiteList list(ApiCaller caller) {
        List<LinkRequestView> open = requests.open(caller.organizationId());
        return new SiteList(linked.installs(caller.organizationId()), open, requests.declined(caller.organizationId(), open));
    }

    /**
     * 202 with the request ({@code AWAITING_INSTALL} or {@code PENDING}; the same open request when asked
     * again); 200 with the linked site when it is linked to this organization already.
     */
    @PostMapping
    @RequiresScope(ApiScope.CONFIG_WRITE)
    @ApiResponse(responseCode = "202", description = "The open request for the site",
            content = @Content(schema = @Schema(implementation = LinkRequestView.class)))
    @ApiResponse(responseCode = "200", description = "The site, linked to this organization already",
            content = @Content(schema = @Schema(implementation = LinkedSite.class)))
    ResponseEntity<Object> request(ApiCaller caller, @RequestBody Connect body) {
        var requested = requests.request(requester(caller), body.site());
        if (requested.request() != null) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(requested.request());
        }
        return ResponseEntity.ok(linked.find(caller.organizationId(), requested.alreadyLinked()).orElseThrow());
    }

    /** The one-time code a Jira administrator read on Ferry's configure page; 200 with the linked site. */
    @PostMapping("/requests/{id}/confirm")
    @RequiresScope(ApiScope.CONFIG_WRITE)
    LinkedSite confirm(ApiCaller caller, @PathVariable long id, @RequestBody Code body) {
        return requests.confirmWithCode(requester(caller), id, body.code());
    }

    @DeleteMapping("/requests/{id}")
    @RequiresScope(ApiScope.CONFIG_WRITE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void cancel(ApiCaller caller, @PathVariable long id) {
        requests.cancel(caller.organizationId(), id);
    }

    @DeleteMapping("/{clientKey}")
    @RequiresScope(ApiScope.CONFIG_WRITE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disconnect(ApiCaller caller, @PathVariable String clientKey) {
        if (linked.find(caller.organizationId(), clientKey).filter(site -> !site.installed()).isPresent()) {
            throw Refusal.invalid(clientKey + " is an API-token or OAuth connection: delete it with DELETE"
                    + " /api/v1/connections/" + clientKey);
        }
        connections.disconnect(caller.organizationId(), caller.actor(), clientKey);
    }

    private static Requester requester(ApiCaller caller) {
        return new Requester(caller.organizationId(), caller.actor(), "API key " + caller.keyId());
    }

    /** @param site the site's URL ({@code https://name.atlassian.net}), its site ID (cloudId) or its clientKey */
    record Connect(String site) {
    }

    /** @param code the one-time code shown on Ferry's configure page in Jira, with or without its dash */
    record Code(String code) {
    }

    /** {@code declined}: requests a Jira administrator of the site declined, until they would have expired. */
    record SiteList(List<LinkedSite> sites, List<LinkRequestView> requests, List<LinkRequests.Declined> declined) {
    }
}
