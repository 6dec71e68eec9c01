package dev.ferry.destination;

import dev.ferry.principal.ApiCaller;
import dev.ferry.principal.ApiScope;
import dev.ferry.principal.RequiresScope;
import dev.ferry.template.DescriptionFormat;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Destinations (a linked site and a project): add, move to another project, delete; their rules per event type. */
@RestController
@RequestMapping("/api/v1/destinations")
class DestinationController {

    private final Destinations destinations;

    DestinationController(Destinations destinations) {
        this.destinations = destinations;
    }

    /** {@code site}: the clientKey of a site linked to the organization. */
    record NewDestination(String site, String projectKey) {
    }

    /** A rule as it is set; a missing description format means plain text. */
    record RuleRequest(Boolean enabled, String issueType, String priority, String summaryTemplate,
            DescriptionFormat descriptionFormat, String descriptionTemplate, List<String> labels) {

        RuleSettings settings() {
            return new RuleSettings(enabled == null || enabled, issueType, priority, summaryTemplate,
                    descriptionFormat == null ? DescriptionFormat.TEXT : descriptionFormat, descriptionTemplate,
                    labels == null ? List.of() : labels);
        }
    }

    /** {@code projectKey}: another project of the destination's site, the one to file in from now on. */
    record DestinationChange(String projectKey) {
    }

    @PostMapping
    @RequiresScope(ApiScope.CONFIG_WRITE)
    ResponseEntity<DestinationBody> create(ApiCaller caller, @RequestBody NewDestination request) {
        Destination created = destinations.create(caller, request.site(), request.projectKey());
        return ResponseEntity.created(URI.create("/api/v1/destinations/" + created.id())).body(body(caller, created));
    }

    @GetMapping
    @RequiresScope(ApiScope.CONFIG_READ)
    List<DestinationBody> list(ApiCaller caller) {
        Set<String> linked = destinations.linkedSites(caller);
        return destinations.list(caller).stream().map(destination -> DestinationBody.of(destination, linked)).toList();
    }

    @GetMapping("/{id}")
    @RequiresScope(ApiScope.CONFIG_READ)
    DestinationBody get(ApiCaller caller, @PathVariable String id) {
        return body(caller, destinations.find(caller, id));
    }

    /**
     * Moves the destination to another project of its site: the repair for a project moved or archived in
     * Jira. Its rules keep their settings, issue types mapped again by name; deliveries waiting for a repair
     * go to the new project.
     */
    @PatchMapping("/{id}")
    @RequiresScope(ApiScope.CONFIG_WRITE)
    DestinationBody change(ApiCaller caller, @PathVariable String id, @RequestBody DestinationChange request) {
        return body(caller, destinations.changeProject(caller, id, request.projectKey()));
    }

    /**
     * Deletes the destination: it leaves every list and takes no more events, its open deliveries end
     * {@code SKIPPED} ("the destination was deleted"), and its ticket links and delivery history stay.
     */
    @DeleteMapping("/{id}")
    @RequiresScope(ApiScope.CONFIG_WRITE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(ApiCaller caller, @PathVariable String id) {
        destinations.delete(caller, id);
    }

    @PutMapping("/{id}/rules/{eventType}")
    @RequiresScope(ApiScope.CONFIG_WRITE)
    DestinationBody updateRule(ApiCaller caller, @PathVariable String id, @PathVariable String eventType,
            @RequestBody RuleRequest request) {
        return body(caller, destinations.updateRule(caller, id, eventType, request.settings()));
    }

    @PostMapping("/{id}/refresh-issue-types")
    @RequiresScope(ApiScope.CONFIG_WRITE)
    DestinationBody refreshIssueTypes(ApiCaller caller, @PathVariable String id) {
        return body(caller, destinations.refreshIssueTypes(caller, id));
    }

    private DestinationBody body(ApiCaller caller, Destination destination) {
        return DestinationBody.of(destination, destinations.linkedSites(caller));
    }
}
