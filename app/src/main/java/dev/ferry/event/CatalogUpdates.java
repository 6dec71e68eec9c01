package dev.ferry.event;

import dev.ferry.audit.AuditAction;
import dev.ferry.audit.AuditLog;
import dev.ferry.principal.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to an organization's event catalog, each audited with who made it and what changed. */
@Service
class CatalogUpdates {

    private final EventCatalog catalog;
    private final AuditLog audit;

    CatalogUpdates(EventCatalog catalog, AuditLog audit) {
        this.catalog = catalog;
        this.audit = audit;
    }

    /**
     * Adds or replaces one event type and audits {@code CATALOG_UPDATED} in the same transaction. A PUT that
     * changes nothing is not recorded: the log says what changed, and nothing did.
     */
    @Transactional
    void put(Caller caller, EventTypeDefinition type) {
        Optional<EventTypeDefinition> before = catalog.find(caller.organizationId(), type.type());
        catalog.save(caller.organizationId(), type);
        String changed = before.map(old -> changes(old, type)).orElseGet(() -> "added: " + added(type));
        if (!changed.isEmpty()) {
            audit.record(caller.organizationId(), caller.actor(), AuditAction.CATALOG_UPDATED, "event type " + type.type(),
                    changed);
        }
    }

    /** "enabled false -> true; priority High -> Low": only the fields that differ. */
    static String changes(EventTypeDefinition before, EventTypeDefinition after) {
        List<String> changes = new ArrayList<>();
        field(changes, "variables", before.variables(), after.variables());
        field(changes, "enabled", before.enabled(), after.enabled());
        field(changes, "issue type", before.issueType(), after.issueType());
        field(changes, "priority", before.priority(), after.priority());
        field(changes, "summary template", before.summaryTemplate(), after.summaryTemplate());
        field(changes, "labels", before.labels(), after.labels());
        return String.join("; ", changes);
    }

    private static String added(EventTypeDefinition type) {
        return "variables " + type.variables() + ", enabled " + type.enabled() + ", issue type " + type.issueType()
                + ", priority " + type.priority() + ", labels " + type.labels();
    }

    private static void field(List<String> changes, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(name + " " + before + " -> " + after);
        }
    }
}
