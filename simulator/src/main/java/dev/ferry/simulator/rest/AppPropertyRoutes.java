package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Jira's app properties as far as a migrating Forge app needs them:
 * {@code GET /rest/atlassian-connect/1/addons/{addonKey}/properties/{propertyKey}}. The one property the simulator
 * holds is Jira's reserved {@value #CONNECT_CLIENT_KEY}: a synthetic, read-only property whose value is the Connect
 * clientKey of the installation, for a Forge app with {@code app.connect.key}; anything else is the spec's 404.
 */
final class AppPropertyRoutes {

    static final String CONNECT_CLIENT_KEY = "connect_client_key_019cdff3-8bfb-71fe-9628-875b700aebb8";

    private volatile BiFunction<String, String, Optional<String>> connectClientKeys = (key, caller) -> Optional.empty();

    void register(Routes routes) {
        routes.add("GET", "/rest/atlassian-connect/1/addons/{addonKey}/properties/{propertyKey}", this::property);
    }

    void connectClientKeys(BiFunction<String, String, Optional<String>> lookup) {
        this.connectClientKeys = lookup;
    }

    private Reply property(Call call) {
        String addonKey = call.pathVariables().get(0);
        String propertyKey = call.pathVariables().get(1);
        Optional<String> clientKey = propertyKey.equals(CONNECT_CLIENT_KEY)
                ? connectClientKeys.apply(addonKey, call.caller()) : Optional.empty();
        if (clientKey.isEmpty()) {
            // The spec's 404 body for this operation: {message, statusCode}, not Jira's errorMessages.
            return new Reply(404, Json.object().put("message", "Property with key not found.").put("statusCode", 404), Map.of());
        }
        ObjectNode property = Json.object();
        property.put("self", call.siteUrl() + "/rest/atlassian-connect/1/addons/" + addonKey + "/properties/" + propertyKey);
        property.put("key", propertyKey);
        property.put("value", clientKey.get());
        return Reply.ok(property);
    }
}
