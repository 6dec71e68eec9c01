package dev.ferry.site;

import dev.ferry.admin.ApiCaller;
import dev.ferry.admin.ApiScope;
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

/** The organization's Jira sites: connect one Ferry is installed on, list them, disconnect one. */
@RestController
@RequestMapping("/api/v1/sites")
class SiteLinkController {

    private final SiteConnections connections;
    private final LinkedSites linked;

    SiteLinkController(SiteConnections connections, LinkedSites linked) {
        this.connections = connections;
        this.linked = linked;
    }

    @GetMapping
    SiteList list(ApiCaller caller) {
        caller.require(ApiScope.CONFIG_READ);
        return new SiteList(linked.of(caller.organizationId()));
    }

    /** 201 for a new link, 200 when the site was already linked to this organization. */
    @PostMapping
    ResponseEntity<LinkedSite> connect(ApiCaller caller, @RequestBody Connect body) {
        caller.require(ApiScope.CONFIG_WRITE);
        var connected = connections.connect(caller, body.site());
        return ResponseEntity.status(connected.created() ? HttpStatus.CREATED : HttpStatus.OK).body(connected.site());
    }

    @DeleteMapping("/{clientKey}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disconnect(ApiCaller caller, @PathVariable String clientKey) {
        caller.require(ApiScope.CONFIG_WRITE);
        connections.disconnect(caller, clientKey);
    }

    /** @param site the site's URL ({@code https://name.atlassian.net}), its site ID (cloudId) or its clientKey */
    record Connect(String site) {
    }

    record SiteList(List<LinkedSite> sites) {
    }
}
