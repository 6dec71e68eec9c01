package dev.ferry.oauth;

import dev.ferry.connection.ConnectionStore;
import dev.ferry.connection.FailureWords;
import dev.ferry.connection.OAuthGrants;
import dev.ferry.sitelink.SiteLinks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Spends a grant's refresh token for new tokens, on every node at once without harm: the node whose lease
 * update counted calls Atlassian, and the new tokens are written only over the generation it leased. Atlassian
 * rotates refresh tokens, so a second spend of one token would be {@code invalid_grant} and lose the grant.
 * The worker and a call about to use an expiring token go through here alike.
 */
@Component
class OAuthRefresher implements OAuthGrants {

    private static final Logger log = LoggerFactory.getLogger(OAuthRefresher.class);
    /** Long enough for one call to the token endpoint (its timeout is 20 s), short enough to retry soon after a crash. */
    static final Duration LEASE = Duration.ofMinutes(2);
    /** An access token this close to its expiry is refreshed before a call rather than sent to fail. */
    static final Duration INLINE_MARGIN = Duration.ofMinutes(1);

    private final OAuthGrantStore grants;
    private final ConnectionStore connections;
    private final OAuthClient atlassian;
    private final SiteLinks siteLinks;
    private final Clock clock;

    OAuthRefresher(OAuthGrantStore grants, ConnectionStore connections, OAuthClient atlassian, SiteLinks siteLinks,
            Clock clock) {
        this.grants = grants;
        this.connections = connections;
        this.atlassian = atlassian;
        this.siteLinks = siteLinks;
        this.clock = clock;
    }

    /** What one refresh came to. */
    enum Outcome { REFRESHED, NOT_DUE, TAKEN_BY_ANOTHER, FAILED_FOR_NOW, GRANT_LOST }

    /** The access token to call with: refreshed first when it expires within a minute. */
    @Override
    public Optional<String> accessToken(String grantId) {
        Optional<OAuthGrantStore.Grant> grant = grants.find(grantId);
        if (grant.isEmpty()) {
            return Optional.empty();
        }
        if (grant.get().brokenAt() == null && grant.get().accessExpiresAt().isBefore(clock.instant().plus(INLINE_MARGIN))) {
            if (refresh(grantId, INLINE_MARGIN) == Outcome.TAKEN_BY_ANOTHER) {
                awaitOtherNode(grantId, grant.get().generation());
            }
        }
        return grants.accessToken(grantId);
    }

    @Override
    public Optional<String> brokenReason(String grantId) {
        return grants.brokenReason(grantId);
    }

    @Override
    public void forget(String grantId) {
        grants.delete(grantId);
    }

    /** Refreshes the grant if its access token expires within {@code within}. */
    Outcome refresh(String grantId, Duration within) {
        Instant now = clock.instant();
        OAuthGrantStore.Grant grant = grants.find(grantId).orElse(null);
        if (grant == null || grant.brokenAt() != null || !grant.refreshable()
                || !grant.accessExpiresAt().isBefore(now.plus(within))) {
            return Outcome.NOT_DUE;
        }
        if (!grants.lease(grantId, grant.generation(), now.plus(LEASE), now)) {
            return Outcome.TAKEN_BY_ANOTHER;
        }
        String refreshToken = grants.refreshToken(grantId).orElse(null);
        if (refreshToken == null) {
            grants.release(grantId, grant.generation());
            return Outcome.NOT_DUE;
        }
        try {
            OAuthTokens tokens = atlassian.refresh(refreshToken);
            if (!grants.rotate(grantId, grant.generation(), tokens, clock.instant())) {
                log.warn("grant {}: generation {} was replaced while this node held its lease", grantId, grant.generation());
                return Outcome.TAKEN_BY_ANOTHER;
            }
            log.info("grant {}: tokens refreshed (generation {})", grantId, grant.generation() + 1);
            return Outcome.REFRESHED;
        } catch (OAuthFailure failure) {
            if (failure.grantLost()) {
                lost(grantId, "Atlassian refused the refresh token: " + failure.words());
                return Outcome.GRANT_LOST;
            }
            grants.release(grantId, grant.generation());
            log.warn("grant {}: refresh failed for now ({}); tried again later", grantId, failure.getMessage());
            return Outcome.FAILED_FOR_NOW;
        }
    }

    /** The grant is gone: its connections' deliveries wait, and their health says reconnect. */
    void lost(String grantId, String reason) {
        if (grants.markBroken(grantId, reason, clock.instant())) {
            log.warn("grant {} needs a reconnect: {}", grantId, reason);
        }
        connections.ofGrant(grantId).forEach(c -> siteLinks.credentialsRejected(c.id(), FailureWords.grantLost(reason)));
    }

    /** Another node spends the refresh token right now: its new access token is what to call with. */
    private void awaitOtherNode(String grantId, long generation) {
        for (int i = 0; i < 25; i++) {
            Optional<OAuthGrantStore.Grant> now = grants.find(grantId);
            if (now.isEmpty() || now.get().generation() != generation || now.get().brokenAt() != null) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
