package dev.ferry.auditsink;

import dev.ferry.auditrecord.StoredRecord;
import java.time.Instant;
import java.util.List;

/**
 * The NDJSON a sink receives: one line per record, {@code {"position":n,"collectorId":"…","recordId":n,"record":{…}}},
 * the record exactly as Jira sent it (never parsed again), the position and the record id beside it so the receiver
 * can put records in order and drop one it already has. The export writes the same lines.
 */
final class SinkLines {

    private SinkLines() {
    }

    static String of(List<StoredRecord> records) {
        StringBuilder body = new StringBuilder();
        for (StoredRecord record : records) {
            body.append("{\"position\":").append(record.position()).append(",\"collectorId\":\"")
                    .append(record.collectorId()).append("\",\"recordId\":").append(record.recordId())
                    .append(",\"record\":").append(record.body()).append("}\n");
        }
        return body.toString();
    }

    /** The one line {@code POST …/sink/test} sends: no record, nothing a receiver would keep as one. */
    static String test(String collectorId, Instant now) {
        return "{\"test\":true,\"collectorId\":\"" + collectorId + "\",\"sentAt\":\"" + now
                + "\",\"message\":\"A test line from Ferry's audit sink\"}\n";
    }
}
