package dev.ferry.refusal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Checks a request body field by field and refuses it once, listing every field that failed, so a caller
 * fixes them all in one round instead of one per request.
 */
public final class BodyChecks {

    private final List<BodyError> errors = new ArrayList<>();

    /** Notes the failure unless the condition holds; true when it holds. */
    public boolean require(boolean condition, String pointer, String detail) {
        if (!condition) {
            errors.add(new BodyError(pointer, detail));
        }
        return condition;
    }

    /** The value, or null after noting the refusal a check deeper down threw. */
    public <T> T attempt(Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidBody refused) {
            errors.addAll(refused.errors());
            return null;
        }
    }

    /** Throws the one refusal naming every failed field, if any failed. */
    public void refuseIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidBody(errors);
        }
    }
}
