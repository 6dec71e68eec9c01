package dev.ferry.panel;

import dev.ferry.setting.PositiveDuration;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The in-issue panels' background work and their buttons.
 *
 * @param glanceWorkerEnabled whether this node sets glance badges in Jira after links change
 * @param glanceWorkerThreads badges set at once; each is one call to Jira, so waiting, not CPU, is the cost
 * @param glancePollInterval  how often an idle glance badge worker looks for changed issues at first; links changed
 *                            on this node wake it at once
 * @param actionTokenLifetime how long the token the issue panel carries for its buttons stays valid
 */
@Validated
@ConfigurationProperties("ferry.panels")
record PanelProperties(
        @DefaultValue("true") boolean glanceWorkerEnabled,
        @DefaultValue("4") @Positive int glanceWorkerThreads,
        @DefaultValue("1s") @PositiveDuration Duration glancePollInterval,
        @DefaultValue("10m") @PositiveDuration Duration actionTokenLifetime) {
}
