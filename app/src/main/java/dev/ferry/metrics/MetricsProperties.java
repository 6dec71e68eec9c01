package dev.ferry.metrics;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the gauges read the database.
 *
 * @param gaugeCache how long one reading of the backlogs, lags and broken connections serves scrapes: every node
 *                   and every scraper asks, and the numbers need not be fresher than a scrape interval
 */
@Validated
@ConfigurationProperties("ferry.metrics")
public record MetricsProperties(@DefaultValue("5s") @NotNull Duration gaugeCache) {
}
