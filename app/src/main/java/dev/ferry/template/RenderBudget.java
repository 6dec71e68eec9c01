package dev.ferry.template;

import java.time.Duration;

/**
 * What one render may still write, and until when; an ADF document's string values share one budget.
 * Past the characters, writing stops (the text is cut); past the time, writing stops and the render is refused.
 */
final class RenderBudget {

    private final Duration time;
    private final long deadline;
    private int remaining;
    private boolean overflowed;
    private boolean late;

    RenderBudget(int chars, Duration time) {
        this.time = time;
        this.deadline = System.nanoTime() + time.toNanos();
        this.remaining = chars;
    }

    static RenderBudget summary() {
        return new RenderBudget(TemplateLimits.MAX_SUMMARY_OUTPUT, TemplateLimits.MAX_RENDER_TIME);
    }

    static RenderBudget description() {
        return new RenderBudget(TemplateLimits.MAX_DESCRIPTION_OUTPUT, TemplateLimits.MAX_RENDER_TIME);
    }

    /** How many of {@code wanted} characters may be written now. */
    int take(int wanted) {
        if (late || System.nanoTime() - deadline > 0) {
            late = true;
            return 0;
        }
        int granted = Math.min(wanted, remaining);
        remaining -= granted;
        overflowed |= granted < wanted;
        return granted;
    }

    /** True once something could not be written in full. */
    boolean overflowed() {
        return overflowed;
    }

    /** Refuses the render once it ran past its time. */
    void requireInTime() {
        if (late) {
            throw new TemplateLimitException("took longer than " + time.toMillis() + " ms to render");
        }
    }
}
