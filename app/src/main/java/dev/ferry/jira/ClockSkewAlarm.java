package dev.ferry.jira;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Remembers the sites whose Jira refused this node's tokens for their times, until a call to the site
 * works again, and says so in the log. It is this node's clock that is off, so the alarm is per node.
 */
@Component
class ClockSkewAlarm {

    private static final Logger log = LoggerFactory.getLogger(ClockSkewAlarm.class);
    /** One warning a minute per site is enough to be seen; every refused call would drown the log. */
    private static final Duration WARN_EVERY = Duration.ofMinutes(1);

    private final Map<String, Refusal> refusals = new ConcurrentHashMap<>();
    private final Map<String, Instant> warned = new ConcurrentHashMap<>();
    private final Clock clock;

    ClockSkewAlarm(Clock clock) {
        this.clock = clock;
    }

    void refused(JiraSite site, JiraRequest request, HttpResponse<String> response, JiraException failure) {
        Instant now = clock.instant();
        Optional<Duration> ahead = jiraTime(response).map(jira -> Duration.between(jira, now));
        refusals.put(site.clientKey(), new Refusal(now, failure.jiraMessage(), ahead.orElse(null)));
        Instant last = warned.get(site.clientKey());
        if (last == null || !now.isBefore(last.plus(WARN_EVERY))) {
            warned.put(site.clientKey(), now);
            log.warn("CLOCK SKEW: Jira refused the app's token for {} on site {} because of its times ({}){}. This "
                    + "node's clock is probably off: check its time synchronisation (NTP). The site's credentials are "
                    + "not marked rejected; the work is retried later.", request.describe(), site.clientKey(),
                    failure.jiraMessage(), ahead.map(d -> "; this node's clock is " + d.toSeconds()
                            + " s ahead of Jira's Date header").orElse(""));
        }
    }

    /** A call to the site worked: its tokens' times are fine again. */
    void accepted(String clientKey) {
        if (!refusals.isEmpty() && refusals.remove(clientKey) != null) {
            log.info("site {} accepts this node's tokens again", clientKey);
        }
    }

    Map<String, Refusal> current() {
        return Map.copyOf(refusals);
    }

    private static Optional<Instant> jiraTime(HttpResponse<String> response) {
        try {
            return response.headers().firstValue("Date").map(date -> DateTimeFormatter.RFC_1123_DATE_TIME.parse(date, Instant::from));
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * The last refusal from one site.
     *
     * @param aheadOfJira how far this node's clock was ahead of Jira's {@code Date} header, null without one
     */
    record Refusal(Instant at, String jiraSaid, Duration aheadOfJira) {
    }
}
