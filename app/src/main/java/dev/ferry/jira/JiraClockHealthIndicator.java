package dev.ferry.jira;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code jiraClock} health component: {@code CLOCK_SKEW} while some site refuses this node's tokens for
 * their times. The node still answers (HTTP 200) and its other work goes on; the status is the alert.
 */
@Component
class JiraClockHealthIndicator implements HealthIndicator {

    static final Status CLOCK_SKEW = new Status("CLOCK_SKEW",
            "Jira refuses this node's tokens for their times; check the node's clock");

    private final ClockSkewAlarm alarm;

    JiraClockHealthIndicator(ClockSkewAlarm alarm) {
        this.alarm = alarm;
    }

    @Override
    public Health health() {
        var refusals = alarm.current();
        if (refusals.isEmpty()) {
            return Health.up().build();
        }
        Health.Builder health = Health.status(CLOCK_SKEW);
        refusals.forEach((clientKey, refusal) -> {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("refusedAt", refusal.at().toString());
            detail.put("jiraSaid", refusal.jiraSaid());
            if (refusal.aheadOfJira() != null) {
                detail.put("secondsAheadOfJira", refusal.aheadOfJira().toSeconds());
            }
            health.withDetail(clientKey, detail);
        });
        return health.build();
    }
}
