package dev.ferry.activity;

import dev.ferry.refusal.Refusal;
import java.util.Locale;

/** The shapes an export streams in: one JSON object per line, or CSV with a header row. */
enum ExportFormat {
    NDJSON("application/x-ndjson", "ndjson"), CSV("text/csv;charset=UTF-8", "csv");

    private final String contentType;
    private final String extension;

    ExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    String contentType() {
        return contentType;
    }

    String fileName() {
        return "activities." + extension;
    }

    static ExportFormat of(String text) {
        if (text == null || text.isBlank()) {
            return NDJSON;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "ndjson" -> NDJSON;
            case "csv" -> CSV;
            default -> throw Refusal.invalid("format must be ndjson or csv");
        };
    }
}
