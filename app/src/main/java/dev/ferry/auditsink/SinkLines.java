package dev.ferry.auditsink;

import java.time.Instant;

/**
 * The one line {@code POST …/sink/test} sends: no record, nothing a receiver would keep as one. Record batches are
 * {@link dev.ferry.auditrecord.AuditRecordLines}, the lines the export writes.
 */
final class SinkLines {

    private SinkLines() {
    }

    static String test(String collectorId, Instant now) {
        return "{\"test\":true,\"collectorId\":\"" + collectorId + "\",\"sentAt\":\"" + now
                + "\",\"message\":\"A test line from Ferry's audit sink\"}\n";
    }
}
