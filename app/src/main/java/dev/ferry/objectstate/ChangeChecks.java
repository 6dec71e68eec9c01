package dev.ferry.objectstate;

import dev.ferry.event.EventValidator;
import dev.ferry.refusal.BodyChecks;
import dev.ferry.refusal.Refusal;

/** Refuses a state or comment Jira could not show as one clear comment, naming every field at once. */
final class ChangeChecks {

    static final int MAX_STATE = 64;
    static final int MAX_TEXT = 10_000;
    static final int MAX_BY = 255;

    private ChangeChecks() {
    }

    static void object(String type, String id) {
        Refusal.require(EventValidator.isObjectType(type),
                "the object type must be lower case letters, digits, '_', '.' or '-', at most 64 characters");
        Refusal.require(EventValidator.isObjectId(id), "the object id must be 1 to 255 characters");
    }

    static void state(String state, String note, String by) {
        BodyChecks checks = new BodyChecks();
        checks.require(state != null && !state.isBlank() && state.length() <= MAX_STATE && oneLine(state), "/state",
                "state is required: one line of at most " + MAX_STATE + " characters, such as acknowledged");
        checks.require(note == null || note.length() <= MAX_TEXT, "/note", "note must be at most " + MAX_TEXT + " characters");
        by(by, checks);
        checks.refuseIfAny();
    }

    static void comment(String body, String by) {
        BodyChecks checks = new BodyChecks();
        checks.require(body != null && !body.isBlank() && body.length() <= MAX_TEXT, "/body",
                "body is required: 1 to " + MAX_TEXT + " characters");
        by(by, checks);
        checks.refuseIfAny();
    }

    private static void by(String by, BodyChecks checks) {
        checks.require(by == null || (!by.isBlank() && by.length() <= MAX_BY && oneLine(by)), "/by",
                "by, when given, must be one line of 1 to " + MAX_BY + " characters");
    }

    private static boolean oneLine(String text) {
        return text.chars().noneMatch(c -> c == '\n' || c == '\r' || Character.isISOControl(c));
    }
}
