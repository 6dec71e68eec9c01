package dev.ferry.audit;

import org.springframework.stereotype.Service;

/** Writes the app's audit log (contract; implementation pending). */
@Service
public class AuditLog {

    public void record(String organizationId, String actor, AuditAction action, String target, String detail) {
        throw new UnsupportedOperationException("pending");
    }
}
