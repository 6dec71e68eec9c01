package dev.ferry.template;

import java.io.Writer;

/** Collects a render's output within its {@link RenderBudget}; what does not fit is dropped, never buffered. */
final class BoundedWriter extends Writer {

    private final StringBuilder out = new StringBuilder();
    private final RenderBudget budget;

    BoundedWriter(RenderBudget budget) {
        this.budget = budget;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        out.append(chars, offset, budget.take(length));
    }

    @Override
    public void write(String text, int offset, int length) {
        out.append(text, offset, offset + budget.take(length));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
