package dev.ferry.site;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Which organization a site works for, and whether Jira still accepts the app's credentials for it. */
@Service
public class SiteLinks {

    static final int MAX_ERROR = 4000;
    private static final Logger log = LoggerFactory.getLogger(SiteLinks.class);

    private final SiteLinkRepository links;
    private final JdbcClient jdbc;
    private final Clock clock;

    SiteLinks(SiteLinkRepository links, JdbcClient jdbc, Clock clock) {
        this.links = links;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<String> organizationOf(String clientKey) {
        return links.findById(clientKey).map(SiteLink::organizationId);
    }

    /** Jira answered 401 for this site: its deliveries wait until it is installed again. */
    public void credentialsRejected(String clientKey, String jiraMessage) {
        String message = jiraMessage == null ? "" : jiraMessage.length() > MAX_ERROR ? jiraMessage.substring(0, MAX_ERROR) : jiraMessage;
        if (links.rejectCredentials(clientKey, clock.instant(), message) > 0) {
            log.warn("Jira rejected the app's credentials for site {}; its deliveries wait for a re-install", clientKey);
        }
    }

    /**
     * False while the credentials are rejected and the site has not been re-installed since. A newer
     * install (Jira sends {@code installed} with a fresh secret) clears the flag, so deliveries resume by
     * themselves. One indexed read on the usual path, since every delivery asks.
     */
    public boolean credentialsUsable(String clientKey) {
        Optional<Boolean> stillRejected = jdbc.sql("""
                select l.credentials_rejected_at, s.updated_at from site_link l
                left join site s on s.client_key = l.client_key
                where l.client_key = :clientKey and l.credentials_rejected_at is not null""")
                .param("clientKey", clientKey)
                .query((rs, row) -> LinkedSite.Credentials.stillRejected(instant(rs.getObject(1, OffsetDateTime.class)),
                        instant(rs.getObject(2, OffsetDateTime.class))))
                .optional();
        if (stillRejected.isEmpty()) {
            return true;
        }
        if (stillRejected.get()) {
            return false;
        }
        if (links.clearRejectionAfterReinstall(clientKey) > 0) {
            log.info("site {} was re-installed after Jira rejected its credentials; deliveries resume", clientKey);
        }
        return true;
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
