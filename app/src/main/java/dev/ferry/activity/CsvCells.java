package dev.ferry.activity;

import dev.ferry.people.Csv;
import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV cells a spreadsheet shows as text: each quoted (RFC 4180), and one a spreadsheet would read as a formula
 * prefixed with an apostrophe ({@link Csv#guarded}, the people export's guard too), since a title or a name typed
 * in Jira by anyone would otherwise run as a formula on the reader's machine (OWASP's CSV injection advice).
 */
final class CsvCells {

    private CsvCells() {
    }

    static String row(List<String> cells) {
        return cells.stream().map(CsvCells::cell).collect(Collectors.joining(","));
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        return "\"" + Csv.guarded(value).replace("\"", "\"\"") + "\"";
    }
}
