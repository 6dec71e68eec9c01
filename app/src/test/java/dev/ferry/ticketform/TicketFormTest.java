package dev.ferry.ticketform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the form's typed values become in the draft the service files. */
class TicketFormTest {

    @Test
    void commaSeparatedLabelsAreTrimmedAndEmptyOnesDropped() {
        assertThat(TicketForm.labelList(" data-quality, nightly ,, ,x ")).containsExactly("data-quality", "nightly", "x");
        assertThat(TicketForm.labelList("")).isEmpty();
    }

    @Test
    void aLabelWithASpaceStaysOneLabelForTheServiceToRefuseByName() {
        assertThat(TicketForm.labelList("needs triage, ok")).containsExactly("needs triage", "ok");
    }

    @Test
    void blankOptionalFieldsAreLeftOutOfTheDraft() {
        var form = new TicketForm("site", " ", "Task", " A summary ", "  ", "", "", "", null, "anomaly", "an-1",
                "Title", "", "k");

        var draft = form.draft();

        assertThat(draft.project()).as("blank: the connection's default").isNull();
        assertThat(draft.summary()).isEqualTo("A summary");
        assertThat(draft.descriptionText()).isNull();
        assertThat(draft.priority()).isNull();
        assertThat(draft.labels()).isEqualTo(List.of());
        assertThat(draft.assigneeAccountId()).isNull();
        assertThat(draft.object().url()).isNull();
        assertThat(draft.object().facts()).isEmpty();
    }

    @Test
    void theDescriptionKeepsItsIndentation() {
        var form = new TicketForm("s", "P", "Task", "S", "  - first\n  - second", "", "", "", "", "t", "i", "T", "", "k");

        assertThat(form.draft().descriptionText()).isEqualTo("  - first\n  - second");
    }
}
