package dev.ferry.template;

import java.time.Duration;

/**
 * How far a rule's template may go, checked when it is saved and again on every render: templates are
 * written by people and run in the shared delivery workers, so nothing in one may grow without bound.
 */
public final class TemplateLimits {

    /** Sections inside sections; with sections as plain conditionals, more than this is only ever a mistake. */
    public static final int MAX_DEPTH = 3;

    /** The longest summary template a rule may save. */
    public static final int MAX_SUMMARY_CHARS = 2_048;

    /** The longest description template a rule may save, and the longest template string rendered at all. */
    public static final int MAX_DESCRIPTION_CHARS = 65_536;

    /** What one summary's variables may write before it is cut; Jira keeps 255 characters of it anyway. */
    static final int MAX_SUMMARY_OUTPUT = 8_192;

    /** What one description's variables may write before it is cut: twice Jira's limit, so AdfTrimmer cuts first. */
    static final int MAX_DESCRIPTION_OUTPUT = 2 * AdfJson.MAX_CHARS;

    /**
     * Rendering is linear in the template and the output (the largest template with 10,000-character values
     * renders in tens of milliseconds warm), so this is a safety net, generous for a busy machine.
     */
    static final Duration MAX_RENDER_TIME = Duration.ofSeconds(5);

    private TemplateLimits() {
    }

    static void requireLength(String template, int max) {
        if (template.length() > max) {
            throw new TemplateLimitException(tooLong(max));
        }
    }

    static String tooLong(int max) {
        return String.format("longer than %,d characters", max);
    }
}
