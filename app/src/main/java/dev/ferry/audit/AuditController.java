package dev.ferry.audit;

import dev.ferry.principal.ApiCaller;
import dev.ferry.principal.ApiScope;
import dev.ferry.principal.RequiresScope;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's organization's audit log, newest first. */
@RestController
class AuditController {

    private final AuditRecords records;

    AuditController(AuditRecords records) {
        this.records = records;
    }

    // Parameters arrive as text so that every malformed one gets the same explained 400.
    @GetMapping("/api/v1/audit")
    @RequiresScope(ApiScope.AUDIT_READ)
    AuditPage list(ApiCaller caller, @RequestParam(required = false) String action,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String limit) {
        return new AuditPage(records.find(caller.organizationId(), AuditFilter.parse(action, from, to, limit)));
    }

    record AuditPage(List<AuditEntry> records) {
    }
}
