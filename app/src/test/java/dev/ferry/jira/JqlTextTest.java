package dev.ferry.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Values reach JQL only as escaped strings, and names that cannot be quoted must be plain. */
class JqlTextTest {

    @Test
    void quotesAndBackslashesInAValueAreEscaped() {
        assertThat(JqlText.quote("a \"b\" \\ c")).isEqualTo("\"a \\\"b\\\" \\\\ c\"");
    }

    @Test
    void aValueCannotCloseItsStringAndAddAClause() {
        String jql = JqlText.byProperty("FERRY", "ferry-delivery", "id", "x\" OR project = \"OPS");

        assertThat(jql).isEqualTo("project = \"FERRY\" AND issue.property[ferry-delivery].id = \"x\\\" OR project = \\\"OPS\"");
    }

    @Test
    void idsAreListedAsStrings() {
        assertThat(JqlText.idIn(List.of("10001", "10002"))).isEqualTo("id in (\"10001\", \"10002\")");
    }

    @ParameterizedTest
    @CsvSource({"'ferry] OR x[', id", "ferry-delivery, 'id = 1 OR id'", "ferry-delivery, ''"})
    void aPropertyKeyOrPathThatIsNotPlainIsRefused(String key, String path) {
        assertThatThrownBy(() -> JqlText.byProperty("FERRY", key, path, "v")).isInstanceOf(IllegalArgumentException.class);
    }
}
