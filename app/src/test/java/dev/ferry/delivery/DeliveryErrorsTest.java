package dev.ferry.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.jira.JiraException;
import org.junit.jupiter.api.Test;

/** A delivery's last error reads as words in the deliveries log, never as a Java exception's name. */
class DeliveryErrorsTest {

    @Test
    void anUnreachableJiraIsSaidInWords() {
        var refused = new JiraException(JiraException.Kind.UNAVAILABLE, 0,
                "POST /rest/api/3/issue failed: java.net.ConnectException: Connection refused", null);
        var timedOut = new JiraException(JiraException.Kind.UNAVAILABLE, 0,
                "POST /rest/api/3/issue failed: java.net.http.HttpTimeoutException: request timed out", null);

        assertThat(DeliveryErrors.jiraUnavailable(refused)).isEqualTo("Jira could not be reached: the connection was refused");
        assertThat(DeliveryErrors.jiraUnavailable(timedOut)).isEqualTo("Jira could not be reached: the connection timed out");
    }

    @Test
    void aJiraErrorStatusKeepsJirasOwnWords() {
        var busy = new JiraException(JiraException.Kind.UNAVAILABLE, 503, "POST /rest/api/3/issue answered 503",
                "Try again later", null);

        assertThat(DeliveryErrors.jiraUnavailable(busy)).isEqualTo("Jira answered 503: Try again later");
    }

    @Test
    void theLogShowsOldRowsWithoutExceptionNamesAndWithACapital() {
        assertThat(DeliveriesPage.words("IllegalStateException: the lane is gone")).isEqualTo("The lane is gone");
        assertThat(DeliveriesPage.words("Jira unavailable: POST /rest/api/3/issue failed: java.net.ConnectException: "
                + "Connection refused")).isEqualTo("Jira unavailable: POST /rest/api/3/issue failed: Connection refused");
        assertThat(DeliveriesPage.words("throttled by Jira: slow down")).isEqualTo("Throttled by Jira: slow down");
        assertThat(DeliveriesPage.words(null)).isEmpty();
    }
}
