package dev.ferry.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.delivery.DeliveryFailures.Consequence;
import dev.ferry.delivery.DeliveryFailures.Delay;
import dev.ferry.jira.JiraException;
import dev.ferry.jira.JiraException.Kind;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What each of Jira's refusals means for a delivery, its destination and its site: throttling and a node's
 * clock only delay, a 401 parks the site, a 403 or 404 the destination, a refused issue type asks for the
 * issue types again, an unavailable Jira is tried again until the attempts run out, and any other refusal
 * fails the delivery at once.
 */
class DeliveryFailuresTest {

    private static final int MAX_ATTEMPTS = 25;

    @Test
    void a429DelaysTheDeliveryAsLongAsJiraAsks() {
        JiraException throttled = refusal(Kind.RATE_LIMITED, 429, "", Duration.ofSeconds(7));

        assertThat(DeliveryFailures.consequence(throttled)).isEqualTo(Consequence.DELAY);
        assertThat(DeliveryFailures.delay(throttled)).isEqualTo(new Delay(Duration.ofSeconds(7), "throttled by Jira"));
    }

    @Test
    void a429WithoutRetryAfterDelaysHalfAMinute() {
        assertThat(DeliveryFailures.delay(refusal(Kind.RATE_LIMITED, 429, "", null)).pause())
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void a401ForTheTokensTimesDelaysAMinuteInsteadOfParkingTheSite() {
        JiraException skewed = refusal(Kind.CLOCK_SKEW, 401, "Token expired", null);

        assertThat(DeliveryFailures.consequence(skewed)).isEqualTo(Consequence.DELAY);
        assertThat(DeliveryFailures.delay(skewed)).isEqualTo(new Delay(Duration.ofMinutes(1),
                "Jira refused the token's times (clock skew on a Ferry node)"));
    }

    @Test
    void a503IsTriedAgainWithGrowingPausesUntilTheAttemptsRunOut() {
        assertThat(DeliveryFailures.consequence(refusal(Kind.UNAVAILABLE, 503, "", null)))
                .isEqualTo(Consequence.COUNT_ATTEMPT);
        assertThat(DeliveryFailures.nextTry(1, MAX_ATTEMPTS)).contains(Duration.ofSeconds(5));
        assertThat(DeliveryFailures.nextTry(2, MAX_ATTEMPTS)).contains(Duration.ofSeconds(10));
        assertThat(DeliveryFailures.nextTry(MAX_ATTEMPTS - 1, MAX_ATTEMPTS)).contains(Duration.ofHours(1));
        assertThat(DeliveryFailures.nextTry(MAX_ATTEMPTS, MAX_ATTEMPTS)).isEqualTo(Optional.empty());
    }

    @Test
    void anUnreachableJiraCountsAnAttemptLikeA503() {
        assertThat(DeliveryFailures.consequence(refusal(Kind.UNAVAILABLE, 0, "", null)))
                .isEqualTo(Consequence.COUNT_ATTEMPT);
    }

    @Test
    void a401ParksEveryDeliveryOfTheSite() {
        assertThat(DeliveryFailures.consequence(refusal(Kind.UNAUTHORIZED, 401, "Unauthorized", null)))
                .isEqualTo(Consequence.PARK_SITE);
    }

    @ParameterizedTest
    @ValueSource(ints = {403, 404})
    void a403Or404DisablesTheDestinationUntilItIsRepaired(int status) {
        Kind kind = status == 403 ? Kind.DENIED : Kind.NOT_FOUND;

        assertThat(DeliveryFailures.consequence(refusal(kind, status, "project: no access", null)))
                .isEqualTo(Consequence.REPAIR_DESTINATION);
    }

    @Test
    void a400NamingTheIssueTypeAsksForTheProjectsIssueTypesAgain() {
        assertThat(DeliveryFailures.consequence(refusal(Kind.INVALID, 400, "issuetype: Specify a valid issue type", null)))
                .isEqualTo(Consequence.REMAP_ISSUE_TYPES);
    }

    @Test
    void anyOther400FailsAtOnceSinceTheSameTicketWouldBeRefusedAgain() {
        assertThat(DeliveryFailures.consequence(refusal(Kind.INVALID, 400, "summary: Summary is required", null)))
                .isEqualTo(Consequence.FAIL);
    }

    private static JiraException refusal(Kind kind, int status, String words, Duration retryAfter) {
        return new JiraException(kind, status, "POST /rest/api/3/issue answered " + status, words, retryAfter);
    }
}
