package dev.ferry.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ferry.simulator.RecordedCall;
import dev.ferry.simulator.fault.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What callers see when Jira refuses, limits or fails a call, and which calls the client tries again. */
@JiraClientTest
class JiraClientFailuresTest {

    static final SimulatedSite simulated = new SimulatedSite("jira-failures-site");

    @Autowired
    JiraClient client;
    JiraSite site = simulated.site;
    String issueId;

    @BeforeEach
    void freshIssue() {
        simulated.jira.reset();
        issueId = simulated.issueId("FERRY", "Something broke");
    }

    @AfterEach
    void everyRequestFollowedTheSpec() {
        simulated.jira.assertNoSpecViolations();
    }

    @AfterAll
    static void stop() {
        simulated.close();
    }

    @Test
    void aWrongSecretIsUnauthorized() {
        JiraException e = failure(() -> client.getIssueStatus(simulated.withSecret("not-the-secret-of-this-site-000000"), issueId));

        assertThat(e.kind()).isEqualTo(JiraException.Kind.UNAUTHORIZED);
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).doesNotContain("not-the-secret").doesNotContain("JWT ey");
    }

    @Test
    void aTokenJiraFindsExpiredIsAClockProblemNotRevokedCredentials() {
        simulated.jira.clockOffset(Duration.ofMinutes(5));

        JiraException e = failure(() -> client.getIssueStatus(site, issueId));

        assertThat(e.kind()).isEqualTo(JiraException.Kind.CLOCK_SKEW);
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.jiraMessage()).startsWith("Expired at ");
    }

    @Test
    void aTokenJiraFindsIssuedInTheFutureIsAClockProblemToo() {
        simulated.jira.clockOffset(Duration.ofMinutes(-5));

        JiraException e = failure(() -> client.getIssueStatus(site, issueId));

        assertThat(e.kind()).isEqualTo(JiraException.Kind.CLOCK_SKEW);
        assertThat(e.jiraMessage()).startsWith("Not-before time is ");
    }

    @Test
    void aChallengeNamingTheTokensTimeIsAClockProblem() {
        simulated.jira.faults().add("GET", "/rest/api/3/issue/.*", Fault.status(401, "Unauthorized",
                Map.of("WWW-Authenticate", "JWT realm=\"jira\", error=\"JWT token expired\"")), 1);

        assertThat(failure(() -> client.getIssueStatus(site, issueId)).kind()).isEqualTo(JiraException.Kind.CLOCK_SKEW);
    }

    @Test
    void aForbiddenCallIsDeniedWithJirasWords() {
        simulated.jira.faults().add("DELETE", "/rest/api/3/issue/.*", Fault.forbidden(), 1);

        JiraException e = failure(() -> client.deleteIssue(site, issueId));

        assertThat(e.kind()).isEqualTo(JiraException.Kind.DENIED);
        assertThat(e.jiraMessage()).isEqualTo("You do not have permission to perform this operation.");
    }

    @Test
    void aMissingIssueIsNotFoundWithJirasWords() {
        JiraException e = failure(() -> client.addComment(site, "FERRY-99999", SimulatedSite.adf("Hello")));

        assertThat(e.kind()).isEqualTo(JiraException.Kind.NOT_FOUND);
        assertThat(e.jiraMessage()).isEqualTo("Issue does not exist or you do not have permission to see it.");
        assertThat(e.getMessage()).contains("POST /rest/api/3/issue/FERRY-99999/comment answered 404");
    }

    @Test
    void aRefusedCreateIsInvalidAndNamesTheField() {
        IssueDraft draft = new IssueDraft("FERRY", null, "Epic saga", "Unknown type", null, null, List.of(), Map.of());

        JiraException e = failure(() -> client.createIssue(site, draft));

        assertThat(e.kind()).isEqualTo(JiraException.Kind.INVALID);
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.jiraMessage()).isEqualTo("issuetype: Specify a valid issue type");
    }

    @Test
    void aRateLimitedCallWaitsForRetryAfterAndSucceeds() {
        simulated.jira.faults().add("GET", "/rest/api/3/issue/.*", Fault.rateLimited(Duration.ofSeconds(1), "jira-burst-based"), 1);

        JiraIssue issue = client.getIssueStatus(site, issueId);

        assertThat(issue.id()).isEqualTo(issueId);
        assertThat(simulated.jira.calls()).extracting(RecordedCall::status).containsExactly(429, 200);
    }

    @Test
    void aRetryAfterBeyondTheInlineWaitIsHandedBackAsRateLimited() {
        simulated.jira.faults().add("POST", "/rest/api/3/issue", Fault.rateLimited(Duration.ofSeconds(30), "jira-quota-tenant-based"), 1);

        JiraException e = failure(() -> client.createIssue(site, WireDrafts.task("Later")));

        assertThat(e.kind()).isEqualTo(JiraException.Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(30));
        assertThat(simulated.jira.calls()).hasSize(1);
    }

    @Test
    void aCallStillLimitedAfterFourRetriesIsRateLimited() {
        Fault noRetryAfter = Fault.status(429, "Rate limit exceeded.", Map.of("RateLimit-Reason", "jira-burst-based"));
        simulated.jira.faults().add("GET", "/rest/api/3/issue/.*", noRetryAfter, 10);

        JiraException e = failure(() -> client.getIssueStatus(site, issueId));

        assertThat(e.kind()).isEqualTo(JiraException.Kind.RATE_LIMITED);
        assertThat(e.retryAfter()).isPresent();
        assertThat(simulated.jira.calls()).hasSize(5);
    }

    @Test
    void aRateLimitedCreateIsRetriedBecauseJiraRefusedIt() {
        simulated.jira.faults().add("POST", "/rest/api/3/issue", Fault.rateLimited(Duration.ZERO, "jira-burst-based"), 1);

        CreatedIssue created = client.createIssue(site, WireDrafts.task("Refused once"));

        assertThat(created.key()).startsWith("FERRY-");
        assertThat(simulated.jira.calls()).extracting(RecordedCall::status).containsExactly(429, 201);
    }

    @Test
    void aCreateIsNotRetriedAfterAServerError() {
        int before = simulated.jira.data().issueCount();
        simulated.jira.faults().add("POST", "/rest/api/3/issue", Fault.serverError(503), 1);

        JiraException e = failure(() -> client.createIssue(site, WireDrafts.task("Once")));

        assertThat(e.kind()).isEqualTo(JiraException.Kind.UNAVAILABLE);
        assertThat(simulated.jira.calls()).hasSize(1);
        assertThat(simulated.jira.data().issueCount()).isEqualTo(before);
    }

    @Test
    void aCreateWhoseAnswerIsLostIsUnavailableYetFoundByItsMarker() {
        simulated.jira.faults().add("POST", "/rest/api/3/issue", Fault.answerLost(), 1);

        Instant attempted = Instant.now();
        JiraException e = failure(() -> client.createIssue(site, WireDrafts.marked("delivery-lost-1")));

        assertThat(e.kind()).isEqualTo(JiraException.Kind.UNAVAILABLE);
        assertThat(client.findCreatedWithMarker(site, "FERRY", JiraClient.DELIVERY_PROPERTY,
                JiraClient.DELIVERY_PROPERTY_PATH, "delivery-lost-1", attempted)).hasSize(1);
        assertThat(simulated.jira.calls()).filteredOn(call -> call.path().equals("/rest/api/3/issue")).hasSize(1);
    }

    @Test
    void aCommentIsNotRetriedAfterAServerError() {
        simulated.jira.faults().add("POST", "/rest/api/3/issue/.*/comment", Fault.serverError(500), 1);

        JiraException e = failure(() -> client.addComment(site, issueId, SimulatedSite.adf("Once")));

        assertThat(e.kind()).isEqualTo(JiraException.Kind.UNAVAILABLE);
        assertThat(simulated.jira.calls()).hasSize(1);
    }

    @Test
    void readsAndOverwritesAreRetriedAfterServerErrorsAndResets() {
        simulated.jira.faults().add("GET", "/rest/api/3/issue/.*", Fault.serverError(503), 1);
        simulated.jira.faults().add("GET", "/rest/api/3/issue/.*", Fault.connectionReset(), 1);
        simulated.jira.faults().add("POST", "/rest/api/3/issue/.*/remotelink", Fault.serverError(502), 1);

        client.getIssueStatus(site, issueId);
        client.putRemoteLink(site, issueId, new RemoteLink("ferry:exp-9", "https://product.example/9", "Exp 9", false));

        assertThat(simulated.jira.calls()).extracting(RecordedCall::method).containsExactly("GET", "GET", "GET", "POST", "POST");
    }

    JiraException failure(Runnable call) {
        JiraException e = catchThrowableOfType(JiraException.class, call::run);
        assertThat(e).as("the call should have failed").isNotNull();
        return e;
    }
}
