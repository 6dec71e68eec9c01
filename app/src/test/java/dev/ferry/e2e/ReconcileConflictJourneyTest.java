package dev.ferry.e2e;

import static dev.ferry.e2e.Events.guardrail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.delivery.DeliveryDrain;
import dev.ferry.link.ReconcileRun;
import org.junit.jupiter.api.Test;

/**
 * The nightly reconcile meets a link that a webhook changed while it ran: that one link is left for the next run,
 * the rest of the run goes on.
 */
@SiteKind.Only(SiteKind.INSTALL)
class ReconcileConflictJourneyTest extends WithLinkedDestination {

    @Test
    void aLinkChangedWhileTheReconcileRunsIsSkippedNotTheRun() {
        api.postEvent(guardrail("exp-31", "Busy link"));
        api.postEvent(guardrail("exp-32", "Quiet link"));
        DeliveryDrain.drain(context);
        String busy = issueKey("exp-31");
        String quiet = issueKey("exp-32");
        jira.admin().transition(busy, "Done");
        jira.admin().transition(quiet, "Done");

        int[] run = ReconcileRun.withConflictOn(context, busy);

        assertThat(run).as("checked, updated, broken, conflicted").containsExactly(2, 1, 0, 1);
        assertThat(statusCategory("exp-32")).as("the run went on past the busy link").isEqualTo("done");
        assertThat(statusCategory("exp-31")).as("left as the other writer made it").isNotEqualTo("done");

        int[] next = ReconcileRun.now(context);
        assertThat(next[1]).as("the next run updates it").isEqualTo(1);
        assertThat(statusCategory("exp-31")).isEqualTo("done");
    }

    private String issueKey(String subject) {
        return api.get("/api/v1/links?subjectType=experiment&subjectId=" + subject).json().get(0).path("issueKey").asString();
    }

    private String statusCategory(String subject) {
        return api.get("/api/v1/links?subjectType=experiment&subjectId=" + subject).json().get(0).path("statusCategory")
                .asString();
    }
}
