package dev.ferry.auditcollector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.connection.ConnectionKind;
import dev.ferry.jira.JiraException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PollFaultsTest {

    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    static final CollectorProperties PROPERTIES = new CollectorProperties(true, Duration.ofSeconds(2),
            Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofMinutes(15), 30, 1000, Duration.ofMinutes(2),
            Duration.ofSeconds(30), 2, Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofHours(6),
            Duration.ofHours(1));

    @Test
    void aRefusedAccountIsToldItNeedsAdministerJiraAndWaitsHoursNotSeconds() {
        PollFaults.Verdict verdict = PollFaults.of(denied("You do not have permission to view audit records."),
                claim(0, null), ConnectionKind.API_TOKEN, NOW, PROPERTIES);

        assertThat(verdict.failure()).isEqualTo(CollectorFailure.FORBIDDEN);
        assertThat(verdict.nextPollAt()).isEqualTo(NOW.plus(Duration.ofHours(6)));
        assertThat(verdict.words()).contains("the account needs the global permission \"Administer Jira\"")
                .contains("Jira said: You do not have permission to view audit records.");
    }

    @Test
    void aRefusedAppInstallIsToldItsInstallMustGrantTheAdminScope() {
        PollFaults.Verdict verdict = PollFaults.of(denied(""), claim(0, null), ConnectionKind.APP_INSTALL, NOW,
                PROPERTIES);

        assertThat(verdict.words()).contains("needs the app's ADMIN scope").contains("Update the app installation")
                .doesNotContain("Jira said");
    }

    @Test
    void aSiteWithOnlyFreePlansIsToldSoInsteadOfAPermission() {
        PollFaults.Verdict verdict = PollFaults.of(denied("Audit logs are available when at least one Jira product is"
                + " on a paid plan."), claim(0, null), ConnectionKind.API_TOKEN, NOW, PROPERTIES);

        assertThat(verdict.words()).contains("all on the Free plan").doesNotContain("Administer Jira\" to read");
    }

    @Test
    void rejectedCredentialsWaitForRenewalAndSayWhatToReplace() {
        PollFaults.Verdict verdict = PollFaults.of(new JiraException(JiraException.Kind.UNAUTHORIZED, 401, "GET 401",
                null), claim(0, null), ConnectionKind.API_TOKEN, NOW, PROPERTIES);

        assertThat(verdict.failure()).isEqualTo(CollectorFailure.UNAUTHORIZED);
        assertThat(verdict.nextPollAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(verdict.words()).contains("Authentication failed at Jira").contains("resumes where it stopped");
    }

    @Test
    void aFailingJiraIsTriedAgainWithADoublingWaitUpToItsMost() {
        JiraException failing = new JiraException(JiraException.Kind.UNAVAILABLE, 503, "GET 503", null);

        assertThat(PollFaults.of(failing, claim(0, null), ConnectionKind.API_TOKEN, NOW, PROPERTIES).nextPollAt())
                .isEqualTo(NOW.plusSeconds(30));
        PollFaults.Verdict third = PollFaults.of(failing, claim(2, CollectorFailure.UNAVAILABLE), ConnectionKind.API_TOKEN,
                NOW, PROPERTIES);
        assertThat(third.nextPollAt()).isEqualTo(NOW.plusSeconds(120));
        assertThat(third.attempts()).isEqualTo(3);
        assertThat(third.words()).contains("Jira answered 503").contains("where it stopped");
        assertThat(PollFaults.of(failing, claim(20, CollectorFailure.UNAVAILABLE), ConnectionKind.API_TOKEN, NOW,
                PROPERTIES).nextPollAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
    }

    @Test
    void aThrottledPollWaitsAtLeastWhatJiraAsked() {
        JiraException throttled = new JiraException(JiraException.Kind.RATE_LIMITED, 429, "GET 429", Duration.ofMinutes(5));

        PollFaults.Verdict verdict = PollFaults.of(throttled, claim(0, null), ConnectionKind.API_TOKEN, NOW, PROPERTIES);

        assertThat(verdict.failure()).isEqualTo(CollectorFailure.UNAVAILABLE);
        assertThat(verdict.nextPollAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(verdict.words()).contains("Rate limited by Atlassian");
    }

    @Test
    void anUnreadableRecordIsNamedAndItsPageTriedAgainNotSkipped() {
        PollFaults.Verdict verdict = PollFaults.unreadable("audit record 77 has no created time", claim(0, null), NOW,
                PROPERTIES);

        assertThat(verdict.failure()).isEqualTo(CollectorFailure.UNREADABLE);
        assertThat(verdict.words()).contains("audit record 77 has no created time").contains("offset 2000")
                .contains("no record is skipped");
        assertThat(verdict.nextPollAt()).isEqualTo(NOW.plusSeconds(30));
    }

    private static PollClaim claim(int attempts, CollectorFailure failure) {
        AuditCollector collector = new AuditCollector("c1", "o1", "api-token-1", Duration.ofMinutes(5), null, null,
                false, null, NOW.minusSeconds(3600), NOW, 2000, NOW, NOW, attempts, failure, null, null, null, null, 0,
                "tester", NOW, NOW);
        return PollClaim.of(collector, NOW.plusSeconds(120));
    }

    private static JiraException denied(String jiraSaid) {
        return new JiraException(JiraException.Kind.DENIED, 403, "GET /rest/api/3/auditing/record 403", jiraSaid, null);
    }
}
