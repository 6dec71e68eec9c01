package dev.ferry.auditrecord;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * The one line form of a record on the way out (export lines, stream events, sink batches):
 * {@code {"position":12,"collectorId":"…","recordId":4711,"record":<the record as stored>}}. Written by
 * concatenation, the body never parsed again: it is compact JSON as stored, so it has no line break. The position
 * and the record id travel beside the record so a receiver can put records in order and drop one it already has.
 */
public final class AuditRecordLines {

    private AuditRecordLines() {
    }

    static void write(Writer out, AuditRecordReader.Line line) throws IOException {
        write(out, line.position(), line.collectorId(), line.recordId(), line.body());
    }

    static String of(AuditRecordReader.Line line) {
        StringWriter out = new StringWriter(line.body().length() + 96);
        try {
            write(out, line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** NDJSON for a batch: one line per record, each ended by a line break. */
    public static String of(List<StoredRecord> records) {
        StringWriter out = new StringWriter();
        try {
            for (StoredRecord record : records) {
                write(out, record.position(), record.collectorId(), record.recordId(), record.body());
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(Writer out, long position, String collectorId, long recordId, String body)
            throws IOException {
        out.write("{\"position\":");
        out.write(Long.toString(position));
        out.write(",\"collectorId\":\"");
        out.write(escaped(collectorId));
        out.write("\",\"recordId\":");
        out.write(Long.toString(recordId));
        out.write(",\"record\":");
        out.write(body);
        out.write('}');
    }

    /** Collector ids are UUIDs; escaping costs nothing then and keeps the line JSON whatever an id holds. */
    private static String escaped(String text) {
        return text.indexOf('"') < 0 && text.indexOf('\\') < 0 ? text : text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
