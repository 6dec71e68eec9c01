package dev.ferry.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a link's status reads as, and why it is unknown when it is: the most telling reason wins. */
class LinkStatusTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    static TicketLink link(String statusName) {
        return TicketLink.create("site-1", new IssueState("10001", "FERRY-1", statusName, "new", NOW),
                new LinkedObject("monitor", "m-1", "Freshness", null, null), LinkOrigin.MANUAL, LinkProvenance.NONE, NOW);
    }

    @Test
    void aStatusReadFromJiraIsKnownWithNoReason() {
        LinkStatus status = LinkStatus.of(link("In Progress"), true, true);

        assertThat(status.known()).isTrue();
        assertThat(status.shown(link("In Progress"))).isEqualTo("In Progress");
        assertThat(status.code()).isNull();
        assertThat(status.words()).isNull();
    }

    @Test
    void aStatusNeverReadIsUnknownBecauseNotReadYet() {
        LinkStatus status = LinkStatus.of(link(null), true, true);

        assertThat(status.known()).isFalse();
        assertThat(status.code()).isEqualTo("NOT_READ_YET");
        assertThat(status.words()).contains("has not read the status");
    }

    @Test
    void rejectedCredentialsExplainAnUnknownStatusBeforeAnUnreachableSite() {
        assertThat(LinkStatus.of(link(null), false, false).code()).isEqualTo("CREDENTIALS_REJECTED");
        assertThat(LinkStatus.of(link(null), false, true).code()).isEqualTo("SITE_NOT_REACHABLE");
    }

    @Test
    void aDeletedIssueIsABrokenReferenceWhoseLastStatusIsNotShown() {
        TicketLink deleted = link("Done");
        deleted.issueGone(NOW);

        LinkStatus status = LinkStatus.of(deleted, true, true);

        assertThat(status.known()).isFalse();
        assertThat(status.shown(deleted)).isNull();
        assertThat(status.code()).isEqualTo("ISSUE_DELETED");
        assertThat(status.words()).contains("broken reference").contains("unlink it");
    }

    @Test
    void aKnownStatusStaysKnownWhileTheSiteCannotBeCalledSinceItIsWhatJiraLastSaid() {
        assertThat(LinkStatus.of(link("Done"), false, false).known()).isTrue();
    }
}
