package dev.ferry.connection;

import dev.ferry.jira.JiraAccount;
import dev.ferry.jira.JiraAuth;
import dev.ferry.jira.JiraClient;
import dev.ferry.jira.JiraException;
import dev.ferry.jira.JiraSite;
import dev.ferry.refusal.Refusal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Finds where an API token is accepted: a classic token by the site itself, a scoped token only by
 * api.atlassian.com (whose path needs the site's cloudId). Asked to detect, it tries the site first and the
 * gateway after a 401, and says which it found; asked for one route, it tries that one only.
 */
@Component
class TokenRoutes {

    private final JiraClient jira;
    private final ConnectionProperties properties;
    private final Clock clock;

    TokenRoutes(JiraClient jira, ConnectionProperties properties, Clock clock) {
        this.jira = jira;
        this.properties = properties;
        this.clock = clock;
    }

    /** Where the token works and whom it calls as. */
    record Found(ApiRoute route, String cloudId, JiraAccount account, String note, JiraSite site) {
    }

    /** @param wanted null: detect */
    Found find(String key, URI siteUrl, String email, String token, ApiRoute wanted) {
        JiraAuth auth = new JiraAuth.ApiToken(email, token);
        Instant started = clock.instant();
        if (wanted != ApiRoute.GATEWAY) {
            try {
                JiraSite site = new JiraSite(key, siteUrl, siteUrl, auth);
                JiraAccount account = jira.myself(site);
                return new Found(ApiRoute.SITE, null, account, wanted == null
                        ? "The site accepted the token (a classic API token): calls go to " + siteUrl + "." : null, site);
            } catch (JiraException e) {
                if (wanted == ApiRoute.SITE || e.kind() != JiraException.Kind.UNAUTHORIZED) {
                    throw refusal(e, started);
                }
            }
        }
        String cloudId;
        try {
            cloudId = jira.cloudId(siteUrl);
        } catch (JiraException e) {
            throw refusal(e, started);
        }
        try {
            JiraSite site = new JiraSite(key, siteUrl, properties.gateway("jira", cloudId), auth);
            JiraAccount account = jira.myself(site);
            return new Found(ApiRoute.GATEWAY, cloudId, account, wanted == null
                    ? "The site refused the token and api.atlassian.com accepted it (a scoped API token): calls go"
                            + " through api.atlassian.com/ex/jira/" + cloudId + "." : null, site);
        } catch (JiraException e) {
            throw refusal(e, started);
        }
    }

    /** What a failed check tells the person, as the refusal the API and the form show, with how long Ferry tried. */
    private Refusal refusal(JiraException e, Instant started) {
        Duration waited = Duration.between(started, clock.instant());
        Refusal.Kind kind = e.kind() == JiraException.Kind.UNAVAILABLE || e.kind() == JiraException.Kind.RATE_LIMITED
                ? Refusal.Kind.JIRA_UNAVAILABLE : Refusal.Kind.JIRA_REFUSED;
        return new Refusal(kind, FailureWords.of(e, "Jira", waited));
    }
}
