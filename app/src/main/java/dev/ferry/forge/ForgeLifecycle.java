package dev.ferry.forge;

import dev.ferry.persistence.OutageBackoff;
import dev.ferry.refusal.Refusal;
import dev.ferry.schedule.SingletonJob;
import dev.ferry.site.SiteInstalls;
import dev.ferry.site.SiteUninstalled;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies Forge's life cycle events to Ferry's installations and sites. Forge retries an event up to four times and
 * waits 5 s for each: every handler is idempotent, and the only remote call (the Connect clientKey) is made once,
 * before anything is written.
 */
@Service
class ForgeLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ForgeLifecycle.class);

    private final ForgeInstallationStore store;
    private final ForgeInstallations installations;
    private final SiteInstalls sites;
    private final ConnectClientKeys connectClientKeys;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final OutageBackoff outage = new OutageBackoff("Forge token pruner", log);

    ForgeLifecycle(ForgeInstallationStore store, ForgeInstallations installations, SiteInstalls sites,
            ConnectClientKeys connectClientKeys, PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.installations = installations;
        this.sites = sites;
        this.connectClientKeys = connectClientKeys;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The installation and the site it serves, stored once however often Forge sends the event. */
    String installed(ForgeInvocation invocation, ForgeLifecycleEvent event, String systemToken) {
        String id = ForgeInstallation.uuid(invocation.installationId());
        var known = store.find(id);
        if (known.isPresent()) {
            return known.get().siteKey();
        }
        if (invocation.siteUrl() == null || invocation.siteUrl().isBlank()) {
            throw Refusal.invalid("the installed event's token carries no context.siteUrl");
        }
        String connectClientKey = sites.namingInstallation(id).isPresent() ? null
                : connectClientKeys.of(invocation, systemToken);
        Instant now = clock.instant();
        ForgeInstallation installation;
        try {
            installation = transaction.execute(status -> {
                String siteKey = sites.installedThroughForge(new SiteInstalls.ForgeInstall(id, invocation.cloudId(),
                        invocation.siteUrl()), connectClientKey);
                ForgeInstallation stored = new ForgeInstallation(id, 0, invocation.appId(),
                        event.environment() == null ? invocation.environment() : event.environment().id(),
                        invocation.cloudId(), invocation.siteUrl(), invocation.apiBaseUrl(), siteKey,
                        ForgeInstallation.State.INSTALLED, null, null);
                store.insert(stored, now);
                return stored;
            });
        } catch (DuplicateKeyException retriedMeanwhile) {
            return store.find(id).map(ForgeInstallation::siteKey).orElseThrow(() -> retriedMeanwhile);
        }
        log.info("Forge installation {} (app version {}) installed for site {}", id, event.version(),
                installation.siteKey());
        installations.forget(id, installation.siteKey());
        installations.keep(installation, systemToken);
        return installation.siteKey();
    }

    void upgraded(ForgeInvocation invocation, ForgeLifecycleEvent event) {
        String id = ForgeInstallation.uuid(invocation.installationId());
        store.upgraded(id, clock.instant());
        log.info("Forge installation {} upgraded to app version {}", id, event.version());
    }

    /** The installation keeps its row, refused from now on; its site goes too unless a Connect install remains. */
    void uninstalled(ForgeInvocation invocation) {
        String id = ForgeInstallation.uuid(invocation.installationId());
        store.find(id).filter(ForgeInstallation::live).ifPresent(installation -> {
            transaction.executeWithoutResult(status -> {
                if (store.uninstalled(id, clock.instant())) {
                    sites.uninstalledThroughForge(installation.siteKey());
                }
            });
            installations.forget(id, installation.siteKey());
            log.info("Forge installation {} of site {} uninstalled", id, installation.siteKey());
        });
    }

    /** A Connect uninstall of a site retires its Forge installations with it: the site has uninstalled Ferry. */
    @EventListener
    void onSiteUninstalled(SiteUninstalled event) {
        for (String id : store.liveIdsOfSite(event.clientKey())) {
            if (store.uninstalled(id, event.at())) {
                log.info("Forge installation {} retired with the uninstall of site {}", id, event.clientKey());
            }
            installations.forget(id, event.clientKey());
        }
    }

    @Scheduled(fixedDelayString = "PT5M")
    @SingletonJob(name = "forge-token-prune")
    void onSchedule() {
        outage.run(this::dropExpiredTokens);
    }

    void dropExpiredTokens() {
        int dropped = store.dropExpiredTokens(clock.instant());
        if (dropped > 0) {
            log.info("dropped {} expired Forge system token(s)", dropped);
        }
    }
}
