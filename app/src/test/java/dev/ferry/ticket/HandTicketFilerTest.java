package dev.ferry.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.jira.JiraException;
import dev.ferry.refusal.InvalidBody;
import dev.ferry.refusal.Refusal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a hand ticket does with each answer of Jira: try later, or end in Jira's words. */
class HandTicketFilerTest {

    private static final TicketProperties PROPERTIES = new TicketProperties(true, Duration.ofSeconds(1), 20,
            Duration.ofMinutes(2), Duration.ofSeconds(30), 20);
    private final HandTicketFiler filer = new HandTicketFiler(null, null, null, null, PROPERTIES, null);

    @Test
    void throttlingAnOutageAClockOffOrRenewedCredentialsAreTriedAgainButARefusalIsNot() {
        for (JiraException.Kind kind : JiraException.Kind.values()) {
            boolean again = HandTicketFiler.retryable(new JiraException(kind, 0, "x", null));
            assertThat(again).as(kind.name()).isEqualTo(kind == JiraException.Kind.RATE_LIMITED
                    || kind == JiraException.Kind.UNAVAILABLE || kind == JiraException.Kind.CLOCK_SKEW
                    || kind == JiraException.Kind.UNAUTHORIZED);
        }
    }

    @Test
    void theWaitDoublesWithEachAttemptUpToAnHourAndJirasRetryAfterWinsWhenLonger() {
        assertThat(filer.delay(1, null)).isEqualTo(Duration.ofSeconds(30));
        assertThat(filer.delay(3, null)).isEqualTo(Duration.ofMinutes(2));
        assertThat(filer.delay(30, null)).isEqualTo(Duration.ofHours(1));
        JiraException throttled = new JiraException(JiraException.Kind.RATE_LIMITED, 429, "x", Duration.ofMinutes(5));
        assertThat(filer.delay(1, throttled)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void jirasFieldErrorsPointAtTheFieldsOfFerrysBody() {
        JiraException refused = new JiraException(JiraException.Kind.INVALID, 400, "x", "priority: bad", null);

        Refusal answer = JiraFieldRefusals.of(refused);

        assertThat(answer).isInstanceOf(InvalidBody.class);
        assertThat(answer.getMessage()).contains("priority: bad");
    }

    @Test
    void aRefusalThatIsNotAboutFieldsIsJirasRefusal() {
        JiraException denied = new JiraException(JiraException.Kind.DENIED, 403, "x", "You cannot create issues", null);

        Refusal answer = JiraFieldRefusals.of(denied);

        assertThat(answer.kind()).isEqualTo(Refusal.Kind.JIRA_REFUSED);
        assertThat(answer.getMessage()).contains("You cannot create issues");
        assertThat(answer).isNotInstanceOf(InvalidBody.class);
    }
}
