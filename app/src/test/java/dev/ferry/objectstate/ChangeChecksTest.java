package dev.ferry.objectstate;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.refusal.Refusal;
import org.junit.jupiter.api.Test;

/** What a state or comment must be before Ferry stores it for the tickets. */
class ChangeChecksTest {

    @Test
    void aShortOneLineStateWithANoteAndAnAuthorIsTaken() {
        assertThatCode(() -> ChangeChecks.state("acknowledged", "looked at it", "Dana")).doesNotThrowAnyException();
        assertThatCode(() -> ChangeChecks.state("archived", null, null)).doesNotThrowAnyException();
    }

    @Test
    void anEmptyMultiLineOrLongStateIsRefused() {
        assertThatThrownBy(() -> ChangeChecks.state("  ", null, null)).isInstanceOf(Refusal.class).hasMessageContaining("state");
        assertThatThrownBy(() -> ChangeChecks.state("acknowledged\narchived", null, null)).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> ChangeChecks.state("x".repeat(65), null, null)).isInstanceOf(Refusal.class);
    }

    @Test
    void aNoteOrBodyBeyondTheLimitAndAnAuthorOnTwoLinesAreRefused() {
        assertThatThrownBy(() -> ChangeChecks.state("ok", "x".repeat(10_001), null)).isInstanceOf(Refusal.class)
                .hasMessageContaining("note");
        assertThatThrownBy(() -> ChangeChecks.comment("x".repeat(10_001), null)).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> ChangeChecks.comment("", null)).isInstanceOf(Refusal.class).hasMessageContaining("body");
        assertThatThrownBy(() -> ChangeChecks.comment("fine", "Dana\nEvil")).isInstanceOf(Refusal.class)
                .hasMessageContaining("by");
    }

    @Test
    void anObjectIsNamedAsEventSubjectsAre() {
        assertThatCode(() -> ChangeChecks.object("anomaly", "an-1")).doesNotThrowAnyException();
        assertThatThrownBy(() -> ChangeChecks.object("Anomaly", "an-1")).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> ChangeChecks.object("anomaly", " ")).isInstanceOf(Refusal.class);
    }
}
