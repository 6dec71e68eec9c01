package dev.ferry.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.link.IssueState;
import dev.ferry.link.LinkOrigin;
import dev.ferry.link.LinkProvenance;
import dev.ferry.link.LinkedObject;
import dev.ferry.link.TicketLink;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Whether a new firing of an event comments on the object's ticket or files a new one, decided from the
 * last ticket filed for the object and event and from what Jira says of it now.
 */
class TicketFilerTest {

    /** Statuses read at {@link Instant#EPOCH} are stale by then. */
    private static final Instant LONG_AGO = Instant.EPOCH;

    @Test
    void aTicketWhoseStatusWasJustReadIsCommentedOnWithoutAskingJiraAgain() {
        TicketLink justFiled = ticket("new");

        assertThat(TicketFiler.ticketToCommentOn(Optional.of(justFiled), jiraMustNotBeAsked(), Instant.EPOCH.minusSeconds(1)))
                .containsSame(justFiled);
    }

    @Test
    void aTicketFerryKnowsIsDoneGetsANewOneEvenWhenItsStatusIsFresh() {
        assertThat(TicketFiler.ticketToCommentOn(Optional.of(ticket("done")), jiraMustNotBeAsked(),
                Instant.EPOCH.minusSeconds(1))).isEmpty();
    }

    @Test
    void withNoEarlierTicketANewOneIsFiledAndJiraIsNotAsked() {
        assertThat(TicketFiler.ticketToCommentOn(Optional.empty(), jiraMustNotBeAsked(), LONG_AGO)).isEmpty();
    }

    @Test
    void anOpenTicketThatJiraStillHasOpenIsCommentedOnAsJiraNowDescribesIt() {
        TicketLink inJiraNow = ticket("indeterminate");

        Optional<TicketLink> commentOn = TicketFiler.ticketToCommentOn(Optional.of(ticket("new")),
                link -> Optional.of(inJiraNow), LONG_AGO);

        assertThat(commentOn).containsSame(inJiraNow);
    }

    @Test
    void aTicketFerryKnowsIsDoneGetsANewOneWithoutAskingJira() {
        assertThat(TicketFiler.ticketToCommentOn(Optional.of(ticket("done")), jiraMustNotBeAsked(), LONG_AGO)).isEmpty();
    }

    @Test
    void aTicketSomeoneClosedBeforeAnyWebhookSaidSoGetsANewOne() {
        assertThat(TicketFiler.ticketToCommentOn(Optional.of(ticket("new")), link -> Optional.of(ticket("done")), LONG_AGO))
                .isEmpty();
    }

    @Test
    void aTicketWhoseLinkIsGoneWhenJiraIsAskedGetsANewOne() {
        assertThat(TicketFiler.ticketToCommentOn(Optional.of(ticket("new")), link -> Optional.empty(), LONG_AGO)).isEmpty();
    }

    private static Function<TicketLink, Optional<TicketLink>> jiraMustNotBeAsked() {
        return link -> {
            throw new AssertionError("Jira was asked about " + link.issueKey());
        };
    }

    private static TicketLink ticket(String statusCategory) {
        return TicketLink.create("jira:site-a", new IssueState("10001", "FERRY-1", statusCategory, statusCategory,
                        Instant.EPOCH),
                new LinkedObject("experiment", "exp-1", "Checkout", "https://exp.example/exp-1", null),
                LinkOrigin.AUTOMATIC, new LinkProvenance("org-1", "dest-1", "event-1", "experiment.guardrail_breached"),
                Instant.EPOCH);
    }
}
