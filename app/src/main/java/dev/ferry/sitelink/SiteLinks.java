package dev.ferry.sitelink;

import dev.ferry.persistence.KeptLookups;
import dev.ferry.persistence.LookupCacheProperties;
import dev.ferry.site.SiteInstalled;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.relational.core.mapping.event.AfterDeleteEvent;
import org.springframework.data.relational.core.mapping.event.AfterSaveEvent;
import org.springframework.stereotype.Service;

/** Which organization a site works for, and whether Jira still accepts the app's credentials for it. */
@Service
public class SiteLinks {

    static final int MAX_ERROR = 4000;
    private static final Logger log = LoggerFactory.getLogger(SiteLinks.class);

    private final SiteLinkRepository links;
    private final ApplicationEventPublisher events;
    /** Every posted event asks which sites its organization has linked; links change seldom. */
    private final KeptLookups<Set<String>> linked;
    /** Every processed webhook, delivery and ingest run asks which organization a site is linked to. */
    private final KeptLookups<String> owners;

    SiteLinks(SiteLinkRepository links, ApplicationEventPublisher events, LookupCacheProperties cache, Clock clock) {
        this.links = links;
        this.events = events;
        this.linked = new KeptLookups<>(cache::ttl, clock);
        this.owners = new KeptLookups<>(cache::ttl, clock);
    }

    /** The organization the site or connection is linked to now; kept as {@link #linkedTo} is. */
    public Optional<String> organizationOf(String clientKey) {
        return owners.get(clientKey, key -> links.findById(key).map(SiteLink::organizationId));
    }

    /** The clientKeys of the sites linked to the organization now. */
    public Set<String> linkedTo(String organizationId) {
        return linked.get(organizationId, organization -> Optional.of(Set.copyOf(links.clientKeysOf(organization))))
                .orElseThrow();
    }

    /**
     * A link made, moved or removed on this node is seen here at once (every organization's, since a moved link
     * changes two); one made through another node within the cache's time to live.
     */
    @EventListener
    void on(AfterSaveEvent<?> saved) {
        if (saved.getEntity() instanceof SiteLink) {
            linked.forgetAllWhenCommitted();
            owners.forgetAllWhenCommitted();
        }
    }

    @EventListener
    void on(AfterDeleteEvent<?> deleted) {
        if (deleted.getType() == SiteLink.class) {
            linked.forgetAllWhenCommitted();
            owners.forgetAllWhenCommitted();
        }
    }

    /**
     * Links an API-token or OAuth connection to its organization under the connection's id, in the caller's
     * transaction, so destinations, deliveries and ticket links take it as they take an installed site.
     */
    public void linkConnection(String connectionId, String organizationId, String actor, Instant now) {
        links.save(SiteLink.connection(connectionId, organizationId, actor, now));
    }

    /**
     * New credentials for a site or connection (a re-install's secret, a replaced token, a reconnect): Jira's
     * earlier rejection no longer holds, so its waiting deliveries go again.
     */
    public void credentialsRenewed(String key) {
        if (links.clearRejection(key) > 0) {
            events.publishEvent(new CredentialsRenewed(key));
            log.info("{}: new credentials clear Jira's earlier rejection; deliveries resume", key);
        }
    }

    /**
     * Jira answered 401 for this site: its deliveries wait until it is installed again, its token is replaced or
     * its grant reconnected.
     */
    public void credentialsRejected(String clientKey, String jiraMessage) {
        String message = jiraMessage == null ? "" : jiraMessage.length() > MAX_ERROR ? jiraMessage.substring(0, MAX_ERROR) : jiraMessage;
        if (links.rejectCredentials(clientKey, message) > 0) {
            log.warn("Jira rejected the credentials Ferry holds for {}; its deliveries wait for a re-install, a new token"
                    + " or a reconnect", clientKey);
        }
    }

    /**
     * False while the credentials are rejected. The next install (Jira sends {@code installed} with a fresh
     * secret) clears the flag, so deliveries resume by themselves; no times are compared, so no node's
     * clock can keep a site parked. One indexed read, since every delivery asks.
     */
    public boolean credentialsUsable(String clientKey) {
        return links.countRejected(clientKey) == 0;
    }

    /** A re-install brings a fresh secret: Jira's earlier rejection no longer holds (same transaction). */
    @EventListener
    void on(SiteInstalled installed) {
        credentialsRenewed(installed.clientKey());
    }
}
