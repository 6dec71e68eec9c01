package dev.ferry.objectstate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The words a change becomes on a Jira ticket. */
class CommentTextTest {

    private static final Instant AT = Instant.parse("2026-01-15T10:30:00.123Z");

    @Test
    void aStateChangeSaysWhenWhichOrganizationWhatKindOfObjectAndTheStateCapitalised() {
        ObjectChange change = change(ChangeKind.STATE, "acknowledged", null, null);

        assertThat(CommentText.heading(change, "Acme Data")).isEqualTo(
                "[2026-01-15 10:30:00 UTC] Acme Data anomaly status: Acknowledged");
    }

    @Test
    void theNoteFollowsAsItsOwnParagraphAndWhoSetItLast() {
        JsonNode adf = CommentText.adf(change(ChangeKind.STATE, "archived", "Seen in the nightly load.", "Dana"), "Acme");

        assertThat(adf.path("type").asString()).isEqualTo("doc");
        assertThat(adf.path("version").asInt()).isEqualTo(1);
        assertThat(adf.path("content")).hasSize(3);
        assertThat(CommentText.plain(adf)).isEqualTo(
                "[2026-01-15 10:30:00 UTC] Acme anomaly status: Archived\nSeen in the nightly load.\nby Dana");
    }

    @Test
    void aCommentHasItsOwnHeadingAndKeepsItsParagraphsAndLineBreaks() {
        JsonNode adf = CommentText.adf(change(ChangeKind.COMMENT, null, "First line\nsecond line\n\nNext paragraph", null),
                "Acme");

        assertThat(adf.path("content")).hasSize(3);
        assertThat(adf.path("content").get(0).path("content").get(0).path("text").asString())
                .isEqualTo("[2026-01-15 10:30:00 UTC] Acme anomaly comment:");
        assertThat(adf.path("content").get(1).path("content").get(1).path("type").asString()).isEqualTo("hardBreak");
        assertThat(CommentText.plain(adf)).endsWith("First line\nsecond line\nNext paragraph");
    }

    @Test
    void aStateKeepsTheRestOfItsLettersAsTheProductGaveThem() {
        assertThat(CommentText.capitalised("in review by QA")).isEqualTo("In review by QA");
        assertThat(CommentText.capitalised("Resolved")).isEqualTo("Resolved");
    }

    @Test
    void noTextNodeIsEverEmptyForJiraRefusesThem() {
        JsonNode adf = CommentText.adf(change(ChangeKind.COMMENT, null, "a\n\n\n\nb\n", null), "Acme");

        assertThat(adf.findValues("text")).allSatisfy(text -> assertThat(text.asString()).isNotEmpty());
    }

    private static ObjectChange change(ChangeKind kind, String state, String text, String by) {
        return new ObjectChange(1, "org", "anomaly", "an-1", kind, state, text, by, "api-key:k", AT);
    }
}
