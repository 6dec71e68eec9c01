package dev.ferry.activity;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV cells a spreadsheet shows as text: each quoted (RFC 4180), and one starting with {@code = + - @}, a tab or
 * a carriage return prefixed with an apostrophe, since a title or a name typed in Jira by anyone would otherwise
 * run as a formula on the reader's machine (OWASP's CSV injection advice).
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
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
