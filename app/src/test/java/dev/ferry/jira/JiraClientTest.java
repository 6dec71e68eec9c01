package dev.ferry.jira;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import dev.ferry.support.FerryIntegrationTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The client's tests share one application context: a budget too large to slow them, millisecond backoff,
 * and an inline-wait limit of three seconds so a long Retry-After is handed back at once; the read timeout
 * leaves room for the simulator's cold start (it loads Atlassian's specs on its first call).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@FerryIntegrationTest
@TestPropertySource(properties = {"ferry.jira.requests-per-second=1000", "ferry.jira.backoff-initial=10ms",
        "ferry.jira.backoff-max=40ms", "ferry.jira.max-retries=4", "ferry.jira.max-inline-wait=3s",
        "ferry.jira.read-timeout=30s", "logging.level.com.atlassian.oai.validator=WARN"})
@interface JiraClientTest {
}
