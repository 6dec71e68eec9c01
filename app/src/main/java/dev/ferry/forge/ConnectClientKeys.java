package dev.ferry.forge;

import dev.ferry.FerryProperties;
import dev.ferry.jira.JiraAuth;
import dev.ferry.jira.JiraClient;
import dev.ferry.jira.JiraException;
import dev.ferry.jira.JiraSite;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Asks Jira, with the installation's system token, for the Connect clientKey of the same app on the same site: how
 * a site Ferry knows through Connect is found when its admin installs the Forge app.
 */
@Component
class ConnectClientKeys {

    private static final Logger log = LoggerFactory.getLogger(ConnectClientKeys.class);

    private final JiraClient jira;
    private final FerryProperties ferry;

    ConnectClientKeys(JiraClient jira, FerryProperties ferry) {
        this.jira = jira;
        this.ferry = ferry;
    }

    /** The clientKey; null when Jira gives none, cannot be asked (no token) or fails: the cloudId decides then. */
    String of(ForgeInvocation invocation, String systemToken) {
        if (systemToken == null) {
            return null;
        }
        URI site = invocation.siteUrl() == null ? invocation.apiBaseUrl() : URI.create(invocation.siteUrl());
        JiraSite target = new JiraSite("forge-installation:" + ForgeInstallation.uuid(invocation.installationId()),
                site, invocation.apiBaseUrl(), new JiraAuth.ForgeSystem(systemToken));
        try {
            return jira.connectClientKey(target, ferry.appKey()).orElse(null);
        } catch (JiraException e) {
            log.warn("Forge installation {}: Jira gave no Connect clientKey ({})", invocation.installationId(),
                    e.getMessage());
            return null;
        }
    }
}
