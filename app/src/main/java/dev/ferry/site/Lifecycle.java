package dev.ferry.site;

import dev.ferry.connect.Fingerprint;
import dev.ferry.connect.VerifiedToken;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Applies verified lifecycle callbacks to site records, each once. */
@Service
class Lifecycle {

    private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);

    private final SiteRepository sites;
    private final SiteSecrets secrets;
    private final LifecycleTokens tokens;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Lifecycle(SiteRepository sites, SiteSecrets secrets, LifecycleTokens tokens,
            ApplicationEventPublisher events, Clock clock) {
        this.sites = sites;
        this.secrets = secrets;
        this.tokens = tokens;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    void installed(VerifiedToken token, LifecycleEvent event, String body) {
        if (!tokens.firstUse(token, Fingerprint.of(body))) {
            return;
        }
        Instant now = clock.instant();
        forgetAfterCommit(event.clientKey());
        var secret = secrets.seal(event.clientKey(), event.sharedSecret());
        var existing = sites.findById(event.clientKey());
        if (existing.isPresent()) {
            existing.get().reinstall(event.installation(), secret, now);
            sites.save(existing.get());
            log.info("site {} re-installed ({}), shared secret replaced", event.clientKey(), event.baseUrl());
            publishInstalled(event, now);
            return;
        }
        String importOf = sites.findOthersWithBaseUrl(event.baseUrl(), event.clientKey()).stream()
                .map(Site::clientKey).findFirst().orElse(null);
        if (importOf != null) {
            log.warn("site {} installed with the base URL {} of site {}: a site import; both records are kept",
                    event.clientKey(), event.baseUrl(), importOf);
        }
        sites.save(Site.install(event.clientKey(), event.installation(), secret, importOf, now));
        log.info("site {} installed ({})", event.clientKey(), event.baseUrl());
        publishInstalled(event, now);
    }

    private void publishInstalled(LifecycleEvent event, Instant now) {
        events.publishEvent(new SiteInstalled(event.clientKey(), event.baseUrl(), event.displayUrl(), event.cloudId(), now));
    }

    @Transactional
    void uninstalled(VerifiedToken token, LifecycleEvent event, String body) {
        change(token, event, body, (site, now) -> {
            boolean wasInstalled = site.isInstalled();
            site.uninstall(now);
            if (wasInstalled) {
                events.publishEvent(new SiteUninstalled(site.clientKey(), site.installation().baseUrl(), now));
            }
        });
    }

    @Transactional
    void enabled(VerifiedToken token, LifecycleEvent event, String body) {
        change(token, event, body, Site::enable);
    }

    @Transactional
    void disabled(VerifiedToken token, LifecycleEvent event, String body) {
        change(token, event, body, Site::disable);
    }

    /** This node's lookups see the change as soon as it is committed. */
    private void forgetAfterCommit(String clientKey) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                secrets.forget(clientKey);
            }
        });
    }

    /** Unknown sites are answered all the same: Jira expects success for a site Ferry never stored. */
    private void change(VerifiedToken token, LifecycleEvent event, String body, BiConsumer<Site, Instant> transition) {
        if (!tokens.firstUse(token, Fingerprint.of(body))) {
            return;
        }
        forgetAfterCommit(event.clientKey());
        sites.findById(event.clientKey()).ifPresentOrElse(site -> {
            transition.accept(site, clock.instant());
            sites.save(site);
            log.info("site {} {}", site.clientKey(), event.eventType());
        }, () -> log.info("{} for unknown site {} ignored", event.eventType(), event.clientKey()));
    }
}
