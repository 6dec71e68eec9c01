package dev.ferry.people;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV, the little the people import and export need: quoted cells holding commas, quotes and line
 * breaks, CRLF or LF line ends, and each record's first line number for the errors an import reports.
 */
public final class Csv {

    /** Characters a spreadsheet reads as the start of a formula (CSV injection), and the tab and CR some also do. */
    private static final String FORMULA_START = "=+-@\t\r";

    private Csv() {
    }

    /** One record of a file: its cells, and the line it starts on (1-based). */
    record Row(int line, List<String> cells) {
    }

    /** The file's records; a blank line is none. Refused (IllegalArgumentException) when a quote never closes. */
    static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        boolean quoted = false;
        boolean cellStarted = false;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty() && !cellStarted) {
                quoted = true;
                cellStarted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                cellStarted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                cellStarted = false;
                if (!(cells.size() == 1 && cells.get(0).isEmpty())) {
                    rows.add(new Row(rowLine, List.copyOf(cells)));
                }
                cells.clear();
                line++;
                rowLine = line;
            } else {
                cell.append(c);
                cellStarted = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("line " + rowLine + ": a quoted cell is never closed");
        }
        cells.add(cell.toString());
        if (!(cells.size() == 1 && cells.get(0).isEmpty())) {
            rows.add(new Row(rowLine, List.copyOf(cells)));
        }
        return rows;
    }

    /** One record, CRLF-ended, every cell quoted when it needs to be and guarded against formula injection. */
    static String line(List<String> cells) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        return out.append("\r\n").toString();
    }

    private static String cell(String value) {
        String text = value == null ? "" : guarded(value);
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /**
     * A cell a spreadsheet would run as a formula, prefixed with an apostrophe so it shows as text: the one guard
     * of every CSV Ferry writes (the activity export uses it too).
     */
    public static String guarded(String value) {
        return !value.isEmpty() && FORMULA_START.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /** The value {@link #guarded} wrote: its apostrophe dropped again, so an exported file imports unchanged. */
    static String unguarded(String value) {
        return value.length() > 1 && value.charAt(0) == '\'' && FORMULA_START.indexOf(value.charAt(1)) >= 0
                ? value.substring(1) : value;
    }
}
