package dev.ferry.destination;

import dev.ferry.principal.ApiCaller;
import dev.ferry.principal.ApiScope;
import dev.ferry.principal.RequiresScope;
import dev.ferry.template.DescriptionFormat;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Destinations (a linked site and a project) and their rules per event type. */
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

    @PostMapping
    @RequiresScope(ApiScope.CONFIG_WRITE)
    ResponseEntity<DestinationBody> create(ApiCaller caller, @RequestBody NewDestination request) {
        Destination created = destinations.create(caller, request.site(), request.projectKey());
        return ResponseEntity.created(URI.create("/api/v1/destinations/" + created.id())).body(DestinationBody.of(created));
    }

    @GetMapping
    @RequiresScope(ApiScope.CONFIG_READ)
    List<DestinationBody> list(ApiCaller caller) {
        return destinations.list(caller).stream().map(DestinationBody::of).toList();
    }

    @GetMapping("/{id}")
    @RequiresScope(ApiScope.CONFIG_READ)
    DestinationBody get(ApiCaller caller, @PathVariable String id) {
        return DestinationBody.of(destinations.find(caller, id));
    }

    @PutMapping("/{id}/rules/{eventType}")
    @RequiresScope(ApiScope.CONFIG_WRITE)
    DestinationBody updateRule(ApiCaller caller, @PathVariable String id, @PathVariable String eventType,
            @RequestBody RuleRequest request) {
        return DestinationBody.of(destinations.updateRule(caller, id, eventType, request.settings()));
    }

    @PostMapping("/{id}/refresh-issue-types")
    @RequiresScope(ApiScope.CONFIG_WRITE)
    DestinationBody refreshIssueTypes(ApiCaller caller, @PathVariable String id) {
        return DestinationBody.of(destinations.refreshIssueTypes(caller, id));
    }
}
