package dev.ferry.oauth;

import dev.ferry.connection.ConnectionStore;
import dev.ferry.sitelink.SiteLinks;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.ApplicationContext;

/** Lets journeys run the OAuth refresh worker as a node would, and look at a grant's rotation state. */
public final class OAuthRefreshes {

    private OAuthRefreshes() {
    }

    /** One run of the worker on the calling thread; answers how many grants it refreshed. */
    public static int refreshDue(ApplicationContext context) {
        return context.getBean(OAuthRefreshWorker.class).refreshDue();
    }

    /**
     * One refresh of the grant by a node of its own (its own refresher over the same database and Atlassian),
     * if its access token expires within {@code within}; answers the outcome's name.
     */
    public static String refreshAsAnotherNode(ApplicationContext context, String grantId, Duration within) {
        OAuthRefresher node = new OAuthRefresher(context.getBean(OAuthGrantStore.class),
                context.getBean(ConnectionStore.class), context.getBean(OAuthClient.class),
                context.getBean(SiteLinks.class), context.getBean(Clock.class));
        return node.refresh(grantId, within).name();
    }

    /** The grant behind an OAuth connection. */
    public static String grantOf(ApplicationContext context, String connectionId) {
        return context.getBean(ConnectionStore.class).find(connectionId).orElseThrow().oauthGrantId();
    }

    /** The grant's generation: how many times its tokens were rotated (a reconnect counts too). */
    public static long generation(ApplicationContext context, String grantId) {
        return context.getBean(OAuthGrantStore.class).find(grantId).orElseThrow().generation();
    }

    /** Why the grant needs a reconnect; null while it works. */
    public static String brokenReason(ApplicationContext context, String grantId) {
        return context.getBean(OAuthGrantStore.class).brokenReason(grantId).orElse(null);
    }
}
