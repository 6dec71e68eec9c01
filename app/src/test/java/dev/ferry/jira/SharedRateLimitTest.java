package dev.ferry.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ferry.simulator.fault.Fault;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** Jira's rate limits as every worker of a site feels them: a site pause is shared, a per-issue limit is not. */
@JiraClientTest
class SharedRateLimitTest {

    static final SimulatedSite simulated = new SimulatedSite("jira-shared-limit-site");

    @Autowired
    JiraClient client;
    @Autowired
    JiraTransport transport;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;
    @Autowired
    JiraProperties properties;
    JiraSite site = simulated.site;

    @BeforeEach
    void reset() {
        simulated.jira.reset();
    }

    @AfterAll
    static void stop() {
        simulated.close();
    }

    @Test
    void aSitePauseStopsAnotherCallerBeforeItReachesJira() {
        String issueId = simulated.issueId("FERRY", "Busy site");
        simulated.jira.faults().add("GET", "/rest/api/3/issue/.*", Fault.rateLimited(Duration.ofSeconds(30), "jira-burst-based"), 1);
        assertThat(failure(() -> client.getIssueStatus(site, issueId)).kind()).isEqualTo(JiraException.Kind.RATE_LIMITED);

        JiraException e = failure(() -> anotherNode().addComment(site, issueId, SimulatedSite.adf("Hello")));

        assertThat(e.kind()).isEqualTo(JiraException.Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).hasValueSatisfying(wait -> assertThat(wait).isGreaterThan(Duration.ofSeconds(20)));
        assertThat(simulated.jira.calls()).hasSize(1);
        assertThat(blockedUntil()).isAfter(new Timestamp(System.currentTimeMillis() + 20_000));
    }

    @Test
    void aPerIssueWriteLimitDelaysOnlyThatCall() {
        String busy = simulated.issueId("FERRY", "Busy issue");
        String quiet = simulated.issueId("FERRY", "Quiet issue");
        simulated.jira.faults().add("POST", "/rest/api/3/issue/" + busy + "/comment",
                Fault.rateLimited(Duration.ofSeconds(30), "jira-per-issue-on-write"), 1);

        JiraException e = failure(() -> client.addComment(site, busy, SimulatedSite.adf("Again")));
        String commentId = anotherNode().addComment(site, quiet, SimulatedSite.adf("Fine"));

        assertThat(e.kind()).isEqualTo(JiraException.Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(30));
        assertThat(commentId).isNotBlank();
        assertThat(blockedUntil()).isNull();
    }

    /** A second client sharing nothing with the first but the database, as on another node. */
    JiraClient anotherNode() {
        var gate = new SiteRateGate(jdbc, transactions, clock, properties, false);
        return new JiraClient(new JiraCalls(transport, gate, clock, properties, new ClockSkewAlarm(clock)), clock);
    }

    Timestamp blockedUntil() {
        return jdbc.sql("select blocked_until from jira_rate_budget where client_key = ?").param(site.budgetKey())
                .query((rs, row) -> rs.getTimestamp(1)).list().get(0);
    }

    static JiraException failure(Runnable call) {
        JiraException e = catchThrowableOfType(JiraException.class, call::run);
        assertThat(e).as("the call should have failed").isNotNull();
        return e;
    }
}
