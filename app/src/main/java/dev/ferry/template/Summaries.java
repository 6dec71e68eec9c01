package dev.ferry.template;

import java.util.regex.Pattern;

/** Jira's summary is one line of at most 255 characters; longer ones are refused, not cut. */
final class Summaries {

    static final int MAX_CHARS = 255;
    private static final String ELLIPSIS = "…";
    /** Newlines, tabs, other control characters and Unicode spaces all become one plain space. */
    private static final Pattern SPACES = Pattern.compile("[\\p{Cc}\\p{Z}\\s]+");

    private Summaries() {
    }

    static String oneLine(String text) {
        String line = SPACES.matcher(text).replaceAll(" ").strip();
        if (line.length() <= MAX_CHARS) {
            return line;
        }
        int end = MAX_CHARS - ELLIPSIS.length();
        if (Character.isHighSurrogate(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(0, end).stripTrailing() + ELLIPSIS;
    }
}
