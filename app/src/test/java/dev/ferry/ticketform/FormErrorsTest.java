package dev.ferry.ticketform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.refusal.BodyError;
import dev.ferry.refusal.InvalidBody;
import dev.ferry.refusal.Refusal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A refusal as the form shows it: all its errors above the form, each beside the field its pointer names. */
class FormErrorsTest {

    @Test
    void eachErrorGoesBesideTheFieldItsPointerNamesAndAllAreListed() {
        var errors = FormErrors.of(new InvalidBody(List.of(new BodyError("/summary", "summary must be one line"),
                new BodyError("/labels/0", "label \"a b\" contains a space"),
                new BodyError("/labels/2", "label \"c d\" contains a space"),
                new BodyError("/object/title", "object.title must be 1 to 1024 characters"))));

        assertThat(errors.all()).containsExactly("Summary must be one line.", "Label \"a b\" contains a space.",
                "Label \"c d\" contains a space.", "Object.title must be 1 to 1024 characters.");
        assertThat(errors.fields().summaryError()).isEqualTo("Summary must be one line.");
        assertThat(errors.fields().labelsError()).isEqualTo("Label \"a b\" contains a space. Label \"c d\" contains a space.");
        assertThat(errors.fields().objectError()).isEqualTo("Object.title must be 1 to 1024 characters.");
        assertThat(errors.fields().projectError()).isNull();
    }

    @Test
    void aRefusalNamingNoFieldIsListedAboveTheFormOnly() {
        var errors = FormErrors.of(new Refusal(Refusal.Kind.JIRA_REFUSED, "Jira refused the ticket: HTTP 500"));

        assertThat(errors.all()).containsExactly("Jira refused the ticket: HTTP 500.");
        assertThat(errors.fields()).isEqualTo(new FormErrors.Fields(null, null, null, null, null, null, null, null));
    }
}
