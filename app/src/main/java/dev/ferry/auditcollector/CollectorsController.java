package dev.ferry.auditcollector;

import dev.ferry.principal.ApiCaller;
import dev.ferry.principal.ApiScope;
import dev.ferry.principal.RequiresScope;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The product API of audit collectors. Changing one takes {@code audit-collectors:manage}; reading them takes
 * {@code audit-records:read}, the scope of a SIEM forwarder that must know the collectors it reads records of.
 */
@RestController
class CollectorsController {

    static final String PATH = "/api/v1/audit-collectors";

    private final Collectors collectors;
    private final CollectorTest tests;

    CollectorsController(Collectors collectors, CollectorTest tests) {
        this.collectors = collectors;
        this.tests = tests;
    }

    record CollectorList(List<CollectorView> collectors) {
    }

    @GetMapping(PATH)
    @RequiresScope(ApiScope.AUDIT_RECORDS_READ)
    CollectorList list(ApiCaller caller) {
        return new CollectorList(collectors.list(caller.organizationId()));
    }

    @GetMapping(PATH + "/{id}")
    @RequiresScope(ApiScope.AUDIT_RECORDS_READ)
    CollectorView get(ApiCaller caller, @PathVariable String id) {
        return collectors.find(caller.organizationId(), id);
    }

    @PostMapping(PATH)
    @RequiresScope(ApiScope.AUDIT_COLLECTORS_MANAGE)
    ResponseEntity<CollectorView> add(ApiCaller caller, @RequestBody Collectors.Request request) {
        CollectorView added = collectors.add(caller, request);
        return ResponseEntity.created(URI.create(PATH + "/" + added.id())).body(added);
    }

    @PatchMapping(PATH + "/{id}")
    @RequiresScope(ApiScope.AUDIT_COLLECTORS_MANAGE)
    CollectorView edit(ApiCaller caller, @PathVariable String id, @RequestBody Collectors.Request request) {
        return collectors.edit(caller, id, request);
    }

    @PostMapping(PATH + "/{id}/pause")
    @RequiresScope(ApiScope.AUDIT_COLLECTORS_MANAGE)
    CollectorView pause(ApiCaller caller, @PathVariable String id) {
        return collectors.pause(caller, id);
    }

    @PostMapping(PATH + "/{id}/resume")
    @RequiresScope(ApiScope.AUDIT_COLLECTORS_MANAGE)
    CollectorView resume(ApiCaller caller, @PathVariable String id) {
        return collectors.resume(caller, id);
    }

    @DeleteMapping(PATH + "/{id}")
    @RequiresScope(ApiScope.AUDIT_COLLECTORS_MANAGE)
    ResponseEntity<Void> delete(ApiCaller caller, @PathVariable String id) {
        collectors.delete(caller, id);
        return ResponseEntity.noContent().build();
    }

    /** Reads one record of the last day as the collector would: 200 with what it found, whether or not it could. */
    @PostMapping(PATH + "/{id}/test")
    @RequiresScope(ApiScope.AUDIT_COLLECTORS_MANAGE)
    CollectorTest.Result test(ApiCaller caller, @PathVariable String id) {
        return tests.test(caller, id);
    }
}
