package dev.ferry.e2e;

import static dev.ferry.e2e.Events.guardrail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.delivery.DeliveryDrain;
import dev.ferry.panel.GlanceDrain;
import dev.ferry.persistence.SqlCounting;
import dev.ferry.simulator.PersonActions;
import dev.ferry.simulator.RecordedCall;
import dev.ferry.simulator.rest.Users;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * What a warm delivery costs, counted: SQL statements, commits and Jira calls per delivery while the outbox
 * files N tickets and then comments N times on them (and their glance badges are set), within the issue's
 * budget of 8 statements, 3 commits and 1.5 Jira calls per delivery. Counts, not times: the same on any machine.
 *
 * <p>An IT, not a *Test: it needs a context of its own ({@link SqlCounting} on, lookups kept as in production), and
 * journeys share one port per JVM, so it cannot start beside the suite's journey context. Run it alone:
 * {@code mvn -B -o -q -pl app test -Dtest=DeliveryCostIT -Dsurefire.failIfNoSpecifiedTests=false} (or with
 * {@code verify -Dit.test=DeliveryCostIT}).
 */
@SiteKind.Only(SiteKind.INSTALL)
// What a node keeps in memory (the test profile turns that off for tests that change rows directly), here for the
// whole test: a kept lookup costs one read per time to live and node, however many deliveries use it, so counting
// its expiries would measure how slow the machine is, not what a delivery costs.
@TestPropertySource(properties = {"ferry.delivery.status-fresh-for=10s", "ferry.delivery.webhook-status-trusted-for=10m",
        "ferry.connect.tenant-cache-ttl=1h", "ferry.forge.installations.cache-ttl=1h",
        "ferry.lookup-cache.ttl=1h", "ferry.diagnostics.count-sql=true"})
class DeliveryCostIT extends WithLinkedDestination {

    private static final int TICKETS = 10;

    @Test
    void aWarmDeliveryStaysWithinItsBudgetOfStatementsCommitsAndJiraCalls() {
        api.postEvent(guardrail("warm-up", "Warm-up"));
        deliver();

        int issuesBefore = jira.data().issueCount();
        for (int i = 0; i < TICKETS; i++) {
            api.postEvent(guardrail("exp-" + i, "Experiment " + i));
        }
        Cost creates = deliver();
        for (int i = 0; i < TICKETS; i++) {
            api.postEvent(guardrail("exp-" + i, "Experiment " + i));
        }
        Cost comments = deliver();

        assertThat(jira.data().issueCount()).isEqualTo(issuesBefore + TICKETS);
        Cost all = creates.plus(comments);
        double deliveries = 2.0 * TICKETS;
        String figures = "creates " + creates + ", comments " + comments + ", per delivery: "
                + all.statements / deliveries + " statements, " + all.commits / deliveries + " commits, "
                + all.jiraCalls / deliveries + " Jira calls";
        System.out.println("delivery cost: " + figures);
        assertThat(all.statements / deliveries).as(figures).isLessThanOrEqualTo(8);
        assertThat(all.commits / deliveries).as(figures).isLessThanOrEqualTo(3);
        assertThat(all.jiraCalls / deliveries).as(figures).isLessThanOrEqualTo(1.5);
    }

    /**
     * A comment later than {@code status-fresh-for} after its ticket's status was learned reads the status from Jira
     * first, unless the site's webhooks are arriving: then the status they would have corrected is trusted, and the
     * comment is the delivery's one Jira call.
     */
    @Test
    void aStaleStatusIsReadBeforeACommentUnlessTheSitesWebhooksArrive() {
        api.postEvent(guardrail("stale-1", "Stale status"));
        deliver();
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        Runnable statusLearnedAMinuteAgo = () -> jdbc.sql(
                "update ticket_link set last_synced_at = ? where object_type = 'experiment' and object_id = 'stale-1'")
                .param(Timestamp.from(Instant.now().minusSeconds(60))).update();
        jdbc.sql("update site set last_webhook_at = null where client_key = ?").param(clientKey).update();

        statusLearnedAMinuteAgo.run();
        api.postEvent(guardrail("stale-1", "Stale status"));
        assertThat(callsOf(this::deliver)).as("no webhook from the site: the status is read first")
                .containsExactly("GET /rest/api/3/issue/N", "POST /rest/api/3/issue/N/comment");

        PersonActions people = new PersonActions(jira);
        people.comment(Users.ADMIN_ACCOUNT_ID, people.createIssue(Users.ADMIN_ACCOUNT_ID, "FERRY", "Someone's work"),
                "a webhook");
        awaitWebhookNoted(jdbc);
        statusLearnedAMinuteAgo.run();
        api.postEvent(guardrail("stale-1", "Stale status"));
        assertThat(callsOf(this::deliver)).as("the site's webhooks arrive: the status is trusted")
                .containsExactly("POST /rest/api/3/issue/N/comment");
    }

    /** The site's row notes a webhook just after its sender was answered. */
    private void awaitWebhookNoted(JdbcClient jdbc) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (jdbc.sql("select count(*) from site where client_key = ? and last_webhook_at is not null")
                .param(clientKey).query(Integer.class).single() == 0) {
            assertThat(System.nanoTime()).as("the site's webhook noted").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private List<String> callsOf(Runnable work) {
        int before = jira.calls().size();
        work.run();
        List<RecordedCall> calls = jira.calls();
        return calls.subList(before, calls.size()).stream()
                .map(call -> call.method() + " " + Journey.sitePath(call.path()).replaceAll("issue/[0-9]+", "issue/N")).toList();
    }

    /** Delivers what is due and sets the badges that follows, counting what it cost. */
    private Cost deliver() {
        MeterRegistry meters = context.getBean(MeterRegistry.class);
        double statements = meters.counter(SqlCounting.STATEMENTS).count();
        double commits = meters.counter(SqlCounting.COMMITS).count();
        int calls = jira.calls().size();
        long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        DeliveryDrain.drain(context);
        GlanceDrain.drain(context);
        // Printed, never asserted: the drain works on this thread, so its CPU is Ferry's (Jira's answers come from
        // the simulator's own threads). A figure for the report, not a timing test.
        System.out.printf("delivery cpu: %.2f ms on the draining thread%n",
                (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1e6);
        return new Cost((long) (meters.counter(SqlCounting.STATEMENTS).count() - statements),
                (long) (meters.counter(SqlCounting.COMMITS).count() - commits), jira.calls().size() - calls);
    }

    private record Cost(long statements, long commits, long jiraCalls) {
        Cost plus(Cost other) {
            return new Cost(statements + other.statements, commits + other.commits, jiraCalls + other.jiraCalls);
        }

        @Override
        public String toString() {
            return statements + " statements, " + commits + " commits, " + jiraCalls + " Jira calls";
        }
    }
}
