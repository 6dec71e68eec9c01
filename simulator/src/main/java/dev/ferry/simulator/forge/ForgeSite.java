package dev.ferry.simulator.forge;

import dev.ferry.simulator.rest.JiraData;
import java.util.function.Supplier;

/**
 * The simulated site as the Forge platform sees it; {@code JiraSimulator} binds it once its port is known.
 *
 * @param connect the site's Connect install of the app, or null while it has none
 */
public record ForgeSite(String siteUrl, String gatewayUrl, String cloudId, JiraData data,
        Supplier<ConnectInstall> connect) {

    /** A Connect install: the ids its lifecycle payload carried, and the app's key and base URL. */
    public record ConnectInstall(String clientKey, String installationId, String appKey, String baseUrl) {
    }
}
