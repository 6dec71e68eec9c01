package dev.ferry.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ferry.refusal.BodyError;
import dev.ferry.refusal.InvalidBody;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The checks a hand ticket passes before Jira is asked anything, each naming its field. */
class DraftChecksTest {

    static final TicketDraft.TicketObject OBJECT = new TicketDraft.TicketObject("anomaly", "an-7", "Row count dropped",
            "https://app.example.com/anomalies/an-7", "open", Map.of("table", "orders"));

    static TicketDraft draft(String summary, List<String> labels) {
        return new TicketDraft("site-1", "FERRY", "Bug", summary, "text", null, "High", labels, "acc-1", OBJECT);
    }

    @Test
    void aCompleteDraftPasses() {
        assertThatNoException().isThrownBy(() -> DraftChecks.check(draft("Row count dropped", List.of("data", "p1"))));
    }

    @Test
    void anEmptySummaryIsRefusedByName() {
        assertThat(pointers(draft("  ", List.of()))).containsExactly("/summary");
        assertThat(pointers(draft(null, List.of()))).containsExactly("/summary");
    }

    @Test
    void aSummaryOverJirasLimitOrWithALineBreakIsRefused() {
        assertThat(refusal(draft("x".repeat(256), List.of())).getMessage()).contains("255");
        assertThatNoException().isThrownBy(() -> DraftChecks.check(draft("x".repeat(255), List.of())));
        assertThat(refusal(draft("first\nsecond", List.of())).getMessage()).contains("one line");
        assertThat(pointers(draft("first\rsecond", List.of()))).containsExactly("/summary");
    }

    @Test
    void aLabelWithASpaceIsRefusedNamingTheLabel() {
        InvalidBody refused = refusal(draft("s", List.of("ok", "two words")));

        assertThat(refused.errors()).extracting(BodyError::pointer).containsExactly("/labels/1");
        assertThat(refused.getMessage()).contains("two words").contains("spaces");
    }

    @Test
    void anInvalidAdfDescriptionIsRefusedWithTheReason() {
        var adf = JsonMapper.builder().build().readTree("{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"nope\"}]}");
        TicketDraft draft = new TicketDraft("site-1", "FERRY", "Bug", "s", null, adf, null, List.of(), null, OBJECT);

        assertThat(pointers(draft)).containsExactly("/description");
    }

    @Test
    void everyMissingFieldIsNamedAtOnce() {
        TicketDraft empty = new TicketDraft(null, null, null, null, null, null, null, null, null, null);

        assertThat(pointers(empty)).containsExactly("/site", "/issueType", "/summary", "/object");
    }

    @Test
    void theObjectMustSayWhatItIsAndWhereItLives() {
        TicketDraft.TicketObject bad = new TicketDraft.TicketObject("Anomaly!", "", "", "ftp://x", null, null);
        TicketDraft draft = new TicketDraft("site-1", null, "Bug", "s", null, null, null, null, null, bad);

        assertThat(pointers(draft)).containsExactly("/object/type", "/object/id", "/object/title", "/object/url");
    }

    @Test
    void aBlankPriorityOrAssigneeIsRefused() {
        TicketDraft draft = new TicketDraft("site-1", null, "Bug", "s", null, null, " ", null, "", OBJECT);

        assertThat(pointers(draft)).containsExactly("/priority", "/assignee");
    }

    private static List<String> pointers(TicketDraft draft) {
        return refusal(draft).errors().stream().map(BodyError::pointer).toList();
    }

    private static InvalidBody refusal(TicketDraft draft) {
        InvalidBody refused = catchThrowableOfType(InvalidBody.class, () -> DraftChecks.check(draft));
        assertThat(refused).as("refused").isNotNull();
        return refused;
    }
}
