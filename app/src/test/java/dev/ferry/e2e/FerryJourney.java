package dev.ferry.e2e;

import dev.ferry.support.TestSupportConfig;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * An end-to-end journey: Ferry over real HTTP on the suite's database, beside simulated Jira sites, every
 * journey on the same settings so that Spring's test context cache starts Ferry once for all of them. Take a
 * {@link Journey} as a parameter of a test or {@code @BeforeEach} method; each test starts from empty tables
 * and simulators with no calls, faults or clock offset recorded, and fails if Ferry sent Jira a request
 * Atlassian's specification rejects.
 *
 * <p>Ferry runs on a port chosen before it starts (its descriptor must name its own URL before any bean
 * exists, so a random port would be known too late); {@link Journey.Initializer} supplies it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"ferry.admin.operator-token=" + Journey.OPERATOR,
                // Jira's throttling and retries at test speed: journeys wait on them in the tens of milliseconds.
                "ferry.jira.backoff-initial=20ms", "ferry.jira.backoff-max=200ms", "ferry.jira.max-inline-wait=1500ms",
                "ferry.jira.requests-per-second=1000",
                // The simulator's first answer comes from a cold JVM on a busy CI machine; the production budget
                // for a key server (1.2 s) is tested elsewhere and would only make journeys flaky here.
                "ferry.connect.install-keys-timeout=15s",
                "logging.level.com.atlassian.oai.validator=WARN"})
@ContextConfiguration(initializers = Journey.Initializer.class)
@ActiveProfiles("test")
@Import({TestSupportConfig.class, IntranetDns.class})
@ExtendWith(JourneyExtension.class)
@interface FerryJourney {
}
