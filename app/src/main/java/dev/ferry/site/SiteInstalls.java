package dev.ferry.site;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Installs that reach a site other than through Connect's lifecycle callbacks: a Forge installation finds the site
 * it serves here, or makes one. One Jira site is one Ferry site, however it installed Ferry, so what is keyed on the
 * site (links, destinations, rules) stays with it when the site moves from Connect to Forge.
 */
@Service
public class SiteInstalls {

    /** The key of a site Ferry knows through Forge alone; a cloudId is the site's for life, so re-installs find it. */
    public static final String FORGE_KEY_PREFIX = "forge-";
    private static final String INSTALLATION_ARI = "ari:cloud:ecosystem::installation/";
    private static final Logger log = LoggerFactory.getLogger(SiteInstalls.class);

    private final SiteRepository sites;
    private final SiteSecrets secrets;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SiteInstalls(SiteRepository sites, SiteSecrets secrets, ApplicationEventPublisher events, Clock clock) {
        this.sites = sites;
        this.secrets = secrets;
        this.events = events;
        this.clock = clock;
    }

    /** The site whose Connect install named this Forge installation (Connect on Forge carries it), if any. */
    public Optional<String> namingInstallation(String installationUuid) {
        return sites.findByInstallationId(INSTALLATION_ARI + installationUuid, installationUuid).stream()
                .findFirst().map(Site::clientKey);
    }

    /**
     * Forge installed Ferry: the site it serves is (1) the one whose Connect install named this installation,
     * (2) the Connect install Jira gives for it, (3) an installed site with its cloudId, (4) the Forge-only site of
     * its cloudId from an earlier install, else a new site without a shared secret. Published as {@link SiteInstalled}.
     *
     * @param connectClientKey the Connect clientKey Jira gave for the installation; null when it gave none
     * @return the site's key
     */
    @Transactional
    public String installedThroughForge(ForgeInstall install, String connectClientKey) {
        Instant now = clock.instant();
        String ari = INSTALLATION_ARI + install.installationUuid();
        Site site = sites.findByInstallationId(ari, install.installationUuid()).stream().findFirst()
                .or(() -> connectClientKey == null ? Optional.empty() : sites.findById(connectClientKey))
                .or(() -> sites.findInstalledByCloudId(install.cloudId()).stream().findFirst())
                .or(() -> sites.findById(FORGE_KEY_PREFIX + install.cloudId()))
                .orElse(null);
        if (site == null) {
            site = Site.installThroughForge(FORGE_KEY_PREFIX + install.cloudId(), new Installation(install.siteUrl(),
                    null, null, "jira", null, install.cloudId(), ari, null, null, null, null, null, null), now);
            log.info("site {} installed through Forge installation {} ({})", site.clientKey(),
                    install.installationUuid(), install.siteUrl());
        } else {
            site.installThroughForge(ari, install.cloudId(), now);
            log.info("Forge installation {} serves site {}", install.installationUuid(), site.clientKey());
        }
        sites.save(site);
        forgetAfterCommit(site.clientKey());
        events.publishEvent(new SiteInstalled(site.clientKey(), site.installation().baseUrl(),
                site.installation().displayUrl(), site.installation().cloudId(), now));
        return site.clientKey();
    }

    /**
     * Forge uninstalled Ferry from the site. The site goes with it only when no Connect install of it remains; it
     * keeps its record, so links and history keep their site.
     */
    @Transactional
    public void uninstalledThroughForge(String siteKey) {
        sites.findById(siteKey).filter(Site::isInstalled).filter(site -> !site.hasConnectInstall()).ifPresent(site -> {
            Instant now = clock.instant();
            site.uninstall(now);
            sites.save(site);
            forgetAfterCommit(siteKey);
            events.publishEvent(new SiteUninstalled(siteKey, site.installation().baseUrl(), now));
            log.info("site {} uninstalled through Forge", siteKey);
        });
    }

    private void forgetAfterCommit(String clientKey) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                secrets.forget(clientKey);
            }
        });
    }

    /**
     * What a Forge installation says of the site it was installed on.
     *
     * @param installationUuid the Forge installation id without its ARI prefix
     * @param siteUrl          the site's URL ({@code context.siteUrl})
     */
    public record ForgeInstall(String installationUuid, String cloudId, String siteUrl) {
    }
}
