package dev.ferry.activity;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a filter's activities to a stream as they are read, one line each: nothing holds the range, so an
 * export of a year costs the memory of one row.
 */
@Component
class ActivityExport {

    static final List<String> COLUMNS = List.of("id", "occurredAt", "connection", "site", "source", "kind",
            "actorAccountId", "actorName", "personId", "personExternalId", "personName", "objectType", "objectId",
            "objectKey", "container", "title", "url", "detail");

    private final ActivityReader reader;
    private final JsonMapper json;

    ActivityExport(ActivityReader reader, JsonMapper json) {
        this.reader = reader;
        this.json = json;
    }

    void write(ActivityFilter filter, ExportFormat format, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        if (format == ExportFormat.CSV) {
            line(writer, CsvCells.row(COLUMNS));
        }
        reader.stream(filter, item -> line(writer, format == ExportFormat.CSV ? CsvCells.row(cells(item))
                : json.writeValueAsString(item)));
        writer.flush();
    }

    private static void line(Writer writer, String text) {
        try {
            writer.write(text);
            writer.write('\n');
        } catch (IOException e) {
            // The client went away: the read stops with this, and its transaction ends.
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> cells(ActivityItem a) {
        ActivityItem.Person p = a.actor().person();
        return Arrays.asList(String.valueOf(a.id()), a.occurredAt().toString(), a.connection(), a.site(),
                a.source(), a.kind(), a.actor().accountId(), a.actor().displayName(), p == null ? null : p.id(),
                p == null ? null : p.externalId(), p == null ? null : p.name(), a.object().type(), a.object().id(),
                a.object().key(), a.object().container(), a.object().title(), a.object().url(), a.detail().toString());
    }
}
