package dev.ferry.event;

import dev.ferry.principal.ApiCaller;
import dev.ferry.principal.ApiScope;
import dev.ferry.principal.RequiresScope;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The organization's event catalog: the preset's types and any the product adds. */
@RestController
class CatalogController {

    private final EventCatalog catalog;
    private final CatalogUpdates updates;
    private final EventLimits properties;

    CatalogController(EventCatalog catalog, CatalogUpdates updates, EventLimits properties) {
        this.catalog = catalog;
        this.updates = updates;
        this.properties = properties;
    }

    /** An event type; a variable name ending in {@code ?} is optional. New types start disabled unless said. */
    record EventTypeBody(String type, List<String> variables, Boolean enabled, String issueType, String priority,
            String summaryTemplate, List<String> labels) {

        static EventTypeBody of(EventTypeDefinition type) {
            return new EventTypeBody(type.type(), type.variables(), type.enabled(), type.issueType(), type.priority(),
                    type.summaryTemplate(), type.labels());
        }
    }

    @GetMapping("/api/v1/event-types")
    @RequiresScope(ApiScope.CONFIG_READ)
    List<EventTypeBody> list(ApiCaller caller) {
        return catalog.list(caller.organizationId()).stream().map(EventTypeBody::of).toList();
    }

    @PutMapping("/api/v1/event-types/{type}")
    @RequiresScope(ApiScope.CONFIG_WRITE)
    EventTypeBody put(ApiCaller caller, @PathVariable String type, @RequestBody EventTypeBody body) {
        List<String> variables = body.variables() == null ? List.of() : body.variables();
        List<String> labels = body.labels() == null ? List.of() : body.labels();
        CatalogCheck.check(type, variables, body.issueType(), body.priority(), body.summaryTemplate(), labels,
                properties.maxVariables());
        EventTypeDefinition definition = new EventTypeDefinition(type, variables, Boolean.TRUE.equals(body.enabled()),
                body.issueType(), body.priority(), body.summaryTemplate(), labels);
        updates.put(caller, definition);
        return EventTypeBody.of(definition);
    }

}
