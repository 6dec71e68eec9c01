package dev.ferry.auditrecord;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/** A record as the list shows it: the columns Ferry keeps, and {@code record}, the JSON as received, embedded. */
record AuditRecordItem(long position, String collectorId, long recordId, Instant created, String category,
        String summary, String authorAccountId, String remoteAddress, ObjectItem objectItem, Instant receivedAt,
        @JsonRawValue String record) {

    /** What the record is about, as Jira names it. */
    record ObjectItem(String type, String id, String name) {
    }

    static AuditRecordItem of(StoredRecord r) {
        return new AuditRecordItem(r.position(), r.collectorId(), r.recordId(), r.created(), r.category(), r.summary(),
                r.authorAccountId(), r.remoteAddress(), new ObjectItem(r.objectType(), r.objectId(), r.objectName()),
                r.receivedAt(), r.body());
    }
}
