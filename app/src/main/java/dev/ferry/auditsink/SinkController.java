package dev.ferry.auditsink;

import dev.ferry.principal.ApiCaller;
import dev.ferry.principal.ApiScope;
import dev.ferry.principal.RequiresScope;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The product API of a collector's sink: set it, read it (header names only), remove it, post a test line. */
@RestController
class SinkController {

    static final String PATH = "/api/v1/audit-collectors/{id}/sink";

    private final Sinks sinks;

    SinkController(Sinks sinks) {
        this.sinks = sinks;
    }

    @PutMapping(PATH)
    @RequiresScope(ApiScope.AUDIT_COLLECTORS_MANAGE)
    SinkBody set(ApiCaller caller, @PathVariable String id, @RequestBody Sinks.Request request) {
        return SinkBody.of(sinks.set(caller, id, request));
    }

    @GetMapping(PATH)
    @RequiresScope(ApiScope.AUDIT_COLLECTORS_MANAGE)
    SinkBody get(ApiCaller caller, @PathVariable String id) {
        return SinkBody.of(sinks.find(caller.organizationId(), id));
    }

    @DeleteMapping(PATH)
    @RequiresScope(ApiScope.AUDIT_COLLECTORS_MANAGE)
    ResponseEntity<Void> remove(ApiCaller caller, @PathVariable String id) {
        sinks.remove(caller, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(PATH + "/test")
    @RequiresScope(ApiScope.AUDIT_COLLECTORS_MANAGE)
    SinkBody.Tested test(ApiCaller caller, @PathVariable String id) {
        return SinkBody.Tested.of(sinks.test(caller, id));
    }
}
