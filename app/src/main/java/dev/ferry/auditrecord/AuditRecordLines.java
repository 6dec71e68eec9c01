package dev.ferry.auditrecord;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The one line form of a record on the way out (export lines, stream events):
 * {@code {"position":12,"collectorId":"…","recordId":4711,"record":<the record as stored>}}. Written by
 * concatenation, the body never parsed again: it is compact JSON as stored, so it has no line break.
 */
final class AuditRecordLines {

    private AuditRecordLines() {
    }

    static void write(Writer out, AuditRecordReader.Line line) throws IOException {
        out.write("{\"position\":");
        out.write(Long.toString(line.position()));
        out.write(",\"collectorId\":\"");
        out.write(escaped(line.collectorId()));
        out.write("\",\"recordId\":");
        out.write(Long.toString(line.recordId()));
        out.write(",\"record\":");
        out.write(line.body());
        out.write('}');
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

    /** Collector ids are UUIDs; escaping costs nothing then and keeps the line JSON whatever an id holds. */
    private static String escaped(String text) {
        return text.indexOf('"') < 0 && text.indexOf('\\') < 0 ? text : text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
