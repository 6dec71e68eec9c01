package dev.ferry.auditrecord;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Writes a filter's records to a stream as NDJSON, a keyset chunk at a time: nothing holds the range, so an export
 * of millions of records costs the memory of one chunk, and no chunk's read outlives its query.
 */
@Component
class AuditRecordExport {

    private final AuditRecordReader reader;
    private final AuditRecordsProperties properties;

    AuditRecordExport(AuditRecordReader reader, AuditRecordsProperties properties) {
        this.reader = reader;
        this.properties = properties;
    }

    /** Answers how many lines were written. A client that goes away ends the export with its IOException. */
    long write(AuditRecordFilter filter, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 256 * 1024);
        long after = 0;
        long lines = 0;
        // the range's positions as the export starts: a record stored meanwhile is for the next export or a follow
        AuditRecordReader.Span span = reader.span(filter);
        List<AuditRecordReader.Line> chunk;
        do {
            chunk = reader.lines(filter, span, after, properties.exportChunk());
            for (AuditRecordReader.Line line : chunk) {
                AuditRecordLines.write(writer, line);
                writer.write('\n');
                after = line.position();
            }
            lines += chunk.size();
        } while (chunk.size() == properties.exportChunk());
        writer.flush();
        return lines;
    }
}
