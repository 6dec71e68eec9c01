package dev.ferry.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinkChangesTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    final List<Object> published = new ArrayList<>();
    final LinkChanges changes = new LinkChanges(null,
            clientKey -> clientKey.equals("site-1") ? Optional.of("org-1") : Optional.empty(), published::add,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aStatusChangeIsAnnouncedWithTheStatusBeforeAndAfter() {
        changes.changed(new LinkSnapshot("FERRY-1", "To Do", "new", false), link("site-1", "FERRY-1", "In Progress",
                "indeterminate", false, LinkOrigin.AUTOMATIC));

        TicketChanged change = only();
        assertThat(change.kind()).isEqualTo(TicketChanged.Kind.STATUS_CHANGED);
        assertThat(change.organizationId()).isEqualTo("org-1");
        assertThat(change.previousStatus()).isEqualTo("To Do");
        assertThat(change.previousStatusCategory()).isEqualTo("new");
        assertThat(change.statusCategory()).isEqualTo("indeterminate");
        assertThat(change.objectId()).isEqualTo("exp-1");
        assertThat(change.occurredAt()).isEqualTo(NOW);
    }

    @Test
    void aNewKeyIsAMoveAnnouncedBeforeTheStatusChangeThatCameWithIt() {
        changes.changed(new LinkSnapshot("FERRY-1", "To Do", "new", false),
                link("site-1", "OPS-4", "Done", "done", false, LinkOrigin.HAND));

        assertThat(published).extracting(event -> ((TicketChanged) event).kind())
                .containsExactly(TicketChanged.Kind.MOVED, TicketChanged.Kind.STATUS_CHANGED);
        TicketChanged move = (TicketChanged) published.get(0);
        assertThat(move.previousIssueKey()).isEqualTo("FERRY-1");
        assertThat(move.issueKey()).isEqualTo("OPS-4");
    }

    @Test
    void aLinkThatShowsWhatItShowedBeforeAnnouncesNothing() {
        changes.changed(new LinkSnapshot("FERRY-1", "To Do", "new", false),
                link("site-1", "FERRY-1", "To Do", "new", false, LinkOrigin.AUTOMATIC));

        assertThat(published).isEmpty();
    }

    @Test
    void learningTheStatusNameOfATicketJustFiledIsNoChangeButLeavingItsCategoryIs() {
        changes.changed(new LinkSnapshot("FERRY-1", null, "new", false),
                link("site-1", "FERRY-1", "To Do", "new", false, LinkOrigin.HAND));
        assertThat(published).as("first read of a ticket Ferry filed").isEmpty();

        changes.changed(new LinkSnapshot("FERRY-1", null, "new", false),
                link("site-1", "FERRY-1", "In Progress", "indeterminate", false, LinkOrigin.AUTOMATIC));
        assertThat(only().previousStatusCategory()).isEqualTo("new");
    }

    @Test
    void aDeletedIssueIsAnnouncedOnceAndNotAgain() {
        changes.changed(new LinkSnapshot("FERRY-1", "To Do", "new", false),
                link("site-1", "FERRY-1", "To Do", "new", true, LinkOrigin.AUTOMATIC));
        changes.changed(new LinkSnapshot("FERRY-1", "To Do", "new", true),
                link("site-1", "FERRY-1", "To Do", "new", true, LinkOrigin.AUTOMATIC));

        assertThat(only().kind()).isEqualTo(TicketChanged.Kind.DELETED);
    }

    @Test
    void onlyTicketsFiledByRuleOrByHandAreCreatedTicketsNotTestOrLinkedOnes() {
        for (LinkOrigin origin : LinkOrigin.values()) {
            changes.created(link("site-1", "FERRY-1", "To Do", "new", false, origin));
        }

        assertThat(published).extracting(event -> ((TicketChanged) event).origin())
                .containsExactly(LinkOrigin.AUTOMATIC, LinkOrigin.HAND);
    }

    @Test
    void aRemovedLinkIsAnnouncedWhateverItsOrigin() {
        changes.removed(link("site-1", "FERRY-1", "To Do", "new", false, LinkOrigin.MANUAL));

        assertThat(only().kind()).isEqualTo(TicketChanged.Kind.LINK_REMOVED);
    }

    @Test
    void aSiteNoOrganizationHasLinkedAnnouncesNothing() {
        changes.removed(link("site-2", "FERRY-1", "To Do", "new", false, LinkOrigin.MANUAL));

        assertThat(published).isEmpty();
    }

    private TicketChanged only() {
        assertThat(published).hasSize(1);
        return (TicketChanged) published.get(0);
    }

    private static TicketLink link(String clientKey, String key, String status, String category, boolean deleted,
            LinkOrigin origin) {
        return new TicketLink(7L, 1L, clientKey, "10001", key, status, category, deleted, NOW, NOW,
                new LinkedObject("experiment", "exp-1", "Checkout", null, null), origin, NOW, LinkProvenance.NONE);
    }
}
