package dev.ferry.template;

import com.github.mustachejava.MustacheException;

/**
 * Measures how deep a template's sections nest before mustache.java compiles it: the parser recurses once
 * per open section, so a deep template must be refused before it can exhaust a worker's stack. Reads tags
 * as the parser does with the only delimiters allowed, {{ and }}.
 */
final class Nesting {

    private static final String SECTION_OPENERS = "#^<?$";

    private Nesting() {
    }

    /** Refuses sections nested deeper than {@link TemplateLimits#MAX_DEPTH} and delimiter changes. */
    static void check(String template) {
        int depth = 0;
        int at = template.indexOf("{{");
        while (at >= 0) {
            int end = template.indexOf("}}", at + 2);
            char kind = at + 2 < template.length() ? template.charAt(at + 2) : ' ';
            if (kind == '=') {
                throw new MustacheException("changing delimiters ({{=…=}}) is not supported (line " + line(template, at) + ")");
            }
            if (SECTION_OPENERS.indexOf(kind) >= 0 && ++depth > TemplateLimits.MAX_DEPTH) {
                throw new TemplateLimitException("sections nest more than " + TemplateLimits.MAX_DEPTH
                        + " deep (line " + line(template, at) + ")");
            }
            if (kind == '/') {
                depth--;
            }
            at = end < 0 ? -1 : template.indexOf("{{", end + 2);
        }
    }

    private static long line(String template, int index) {
        return 1 + template.substring(0, index).chars().filter(c -> c == '\n').count();
    }
}
