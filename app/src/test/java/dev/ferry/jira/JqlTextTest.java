package dev.ferry.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Values reach JQL only as escaped strings; the recovery search needs no property clause and no time zone. */
class JqlTextTest {

    @Test
    void quotesAndBackslashesInAValueAreEscaped() {
        assertThat(JqlText.quote("a \"b\" \\ c")).isEqualTo("\"a \\\"b\\\" \\\\ c\"");
    }

    @Test
    void theRecoverySearchAsksForTheProjectsIssuesCreatedInTheLastMinutesNewestFirst() {
        assertThat(JqlText.createdInLastMinutes("FERRY", 65))
                .isEqualTo("project = \"FERRY\" AND created >= -65m ORDER BY created DESC");
    }

    @Test
    void aProjectKeyCannotCloseItsStringAndWidenTheRecoverySearch() {
        assertThat(JqlText.createdInLastMinutes("X\" OR project = \"OPS", 5))
                .isEqualTo("project = \"X\\\" OR project = \\\"OPS\" AND created >= -5m ORDER BY created DESC");
    }

    @Test
    void aWindowOfNoMinutesIsRefused() {
        assertThatThrownBy(() -> JqlText.createdInLastMinutes("FERRY", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void idsAreListedAsStrings() {
        assertThat(JqlText.idIn(List.of("10001", "10002"))).isEqualTo("id in (\"10001\", \"10002\")");
    }
}
