package dev.ferry.ticketform;

import dev.ferry.console.Shown;
import dev.ferry.refusal.BodyError;
import dev.ferry.refusal.InvalidBody;
import dev.ferry.refusal.Refusal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why a submit filed nothing, as the page shows it: every error in a list above the form, and each field's
 * own beside the field it names (the refusal's JSON Pointers into the API body say which).
 *
 * @param all sentences, our checks' or Jira's own words, in the refusal's order
 */
record FormErrors(List<String> all, Fields fields) {

    static final FormErrors NONE = new FormErrors(List.of(), new Fields(Map.of()));

    /**
     * The error beside each field, null where there is none.
     *
     * @param objectError the object's title or address
     */
    record Fields(String projectError, String issueTypeError, String summaryError, String descriptionError,
            String priorityError, String labelsError, String assigneeError, String objectError) {

        Fields(Map<String, String> byField) {
            this(byField.get("project"), byField.get("issueType"), byField.get("summary"), byField.get("description"),
                    byField.get("priority"), byField.get("labels"), byField.get("assignee"), byField.get("object"));
        }
    }

    static FormErrors of(Refusal refused) {
        List<BodyError> errors = refused instanceof InvalidBody body && !body.errors().isEmpty() ? body.errors()
                : List.of(new BodyError("", refused.getMessage()));
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(error -> byField.merge(field(error.pointer()), Shown.sentence(error.detail()), (a, b) -> a + " " + b));
        return new FormErrors(errors.stream().map(error -> Shown.sentence(error.detail())).toList(), new Fields(byField));
    }

    /** {@code /labels/1} is the labels field, {@code /object/title} the object's. */
    private static String field(String pointer) {
        String[] steps = pointer == null ? new String[0] : pointer.split("/");
        return steps.length < 2 ? "" : steps[1];
    }
}
