package dev.ferry.jira;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Jira writes its times with milliseconds and a numeric offset; a webhook body carrying an ISO instant without the
 * milliseconds (a time on the second) once failed to parse, and its delivery was retried until it gave up.
 */
class JiraTimeTest {

    @Test
    void jirasFormAndIsoInstantsWithOrWithoutMillisecondsParse() {
        Instant onTheSecond = Instant.parse("2026-12-07T04:44:54Z");
        assertThat(JiraActivityReads.time("2026-12-07T04:44:54.000+0000")).isEqualTo(onTheSecond);
        assertThat(JiraActivityReads.time("2026-12-07T05:44:54.000+01:00")).isEqualTo(onTheSecond);
        assertThat(JiraActivityReads.time("2026-12-07T04:44:54Z")).isEqualTo(onTheSecond);
        assertThat(JiraActivityReads.time("2026-12-07T04:44:54.250Z")).isEqualTo(onTheSecond.plusMillis(250));
        assertThat(JiraActivityReads.time("")).isNull();
    }
}
