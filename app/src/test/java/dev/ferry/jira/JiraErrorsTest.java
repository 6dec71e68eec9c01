package dev.ferry.jira;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Jira's statuses in the terms a caller acts on. */
class JiraErrorsTest {

    @ParameterizedTest
    @CsvSource({"400, INVALID", "401, UNAUTHORIZED", "403, DENIED", "404, NOT_FOUND", "409, INVALID", "410, NOT_FOUND",
            "413, INVALID", "429, RATE_LIMITED", "408, UNAVAILABLE", "500, UNAVAILABLE", "502, UNAVAILABLE",
            "503, UNAVAILABLE", "504, UNAVAILABLE"})
    void eachStatusHasItsKind(int status, JiraException.Kind kind) {
        assertThat(JiraErrors.kind(status)).isEqualTo(kind);
    }
}
