package dev.ferry.privacy;

import dev.ferry.setting.PositiveDuration;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How Ferry reports the accounts it holds to Atlassian's personal data reporting API.
 *
 * @param reportWorkerEnabled whether this node reports sites that are due (any number of nodes may)
 * @param reportPollInterval  how often an idle node looks for a site due to be reported
 * @param defaultCycle        the reporting cycle until Atlassian's {@code Cycle-Period} header says otherwise
 * @param reportLease         how long a node holds a site's report; a node that dies frees it after this
 * @param batchSize           accounts per request, at most Atlassian's 90
 * @param failureRetry        how long a report that failed (not a 429, which says its own wait) waits
 */
@Validated
@ConfigurationProperties("ferry.privacy")
record PrivacyProperties(
        @DefaultValue("true") boolean reportWorkerEnabled,
        @DefaultValue("5m") @PositiveDuration Duration reportPollInterval,
        @DefaultValue("7d") @PositiveDuration Duration defaultCycle,
        @DefaultValue("15m") @PositiveDuration Duration reportLease,
        @DefaultValue("90") @Positive int batchSize,
        @DefaultValue("1h") @PositiveDuration Duration failureRetry) {

    PrivacyProperties {
        batchSize = Math.max(1, Math.min(batchSize, dev.ferry.jira.PersonalDataReports.MAX_ACCOUNTS));
    }
}
