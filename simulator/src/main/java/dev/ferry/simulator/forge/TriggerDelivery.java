package dev.ferry.simulator.forge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Delivers what a {@code trigger} or {@code scheduledTrigger} module subscribes to: the body, a fresh FIT per attempt
 * (no principal: the app acts as itself), and a system token when the endpoint asks for one.
 */
final class TriggerDelivery {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RemoteInvoker invoker;
    private final FitMinter minter;
    private final AppTokens tokens;

    TriggerDelivery(RemoteInvoker invoker, FitMinter minter, AppTokens tokens) {
        this.invoker = invoker;
        this.minter = minter;
        this.tokens = tokens;
    }

    /**
     * A life cycle event as is, or a Jira event built from its parts, to the trigger subscribed to it; empty when no
     * trigger of the manifest lists the event.
     */
    Optional<RemoteReply> event(ForgeInstallation installation, String eventType, ObjectNode parts) {
        Optional<ForgeManifest.Trigger> trigger = installation.manifest().triggers().stream()
                .filter(candidate -> candidate.events().contains(eventType)).findFirst();
        if (trigger.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode body = eventType.startsWith("avi:forge:") ? parts
                : ForgePayloads.jiraEvent(eventType, parts, installation.cloudId(), trigger.get().key());
        return Optional.of(post(installation, trigger.get().endpoint(), "core:trigger", trigger.get().key(), body));
    }

    /**
     * The {@code preUninstall} module's call, when the manifest has one: one POST (Forge goes on uninstalling whatever
     * the remote answers, and gives it 55 s), with no user. Empty when the manifest has no such module.
     */
    Optional<RemoteReply> preUninstall(ForgeInstallation installation, ObjectNode body) {
        String endpointKey = installation.manifest().preUninstallEndpoint();
        if (endpointKey == null) {
            return Optional.empty();
        }
        ForgeManifest.Endpoint endpoint = installation.manifest().endpoint(endpointKey);
        String systemToken = endpoint.systemToken() ? tokens.mint("system", installation.botAccountId(),
                installation.scopes(), installation.installationId()) : null;
        return Optional.of(invoker.once(installation.manifest().url(endpoint, endpoint.route()), endpoint.key(),
                minter.fit(installation, "core:preUninstall", "pre-uninstall", null, null).sign(), systemToken,
                body.toString()));
    }

    /** A scheduled trigger's run: POSTs its endpoint with a fresh FIT and a fresh system token. */
    RemoteReply scheduled(ForgeInstallation installation, String key) {
        String endpointKey = installation.manifest().scheduledTriggers().get(key);
        if (endpointKey == null) {
            throw new IllegalArgumentException("the manifest has no scheduledTrigger " + key);
        }
        ObjectNode body = JSON.createObjectNode();
        body.putObject("context").put("cloudId", installation.cloudId()).put("moduleKey", key);
        return post(installation, endpointKey, "core:scheduledTrigger", key, body);
    }

    private RemoteReply post(ForgeInstallation installation, String endpointKey, String moduleType, String moduleKey,
            ObjectNode body) {
        ForgeManifest.Endpoint endpoint = installation.manifest().endpoint(endpointKey);
        String systemToken = endpoint.systemToken() ? tokens.mint("system", installation.botAccountId(),
                installation.scopes(), installation.installationId()) : null;
        return invoker.deliver(installation.manifest().url(endpoint, endpoint.route()), endpoint.key(),
                attempt -> minter.fit(installation, moduleType, moduleKey, null, null).sign(), systemToken,
                attempt -> ForgePayloads.attempt(body, attempt));
    }
}
