package dev.ferry.simulator.install;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON bodies of lifecycle callbacks, with the fields Jira Cloud sends today (PROTOCOL §3). */
final class LifecycleBodies {

    static final String SERVER_VERSION = "100289";
    static final String PLUGINS_VERSION = "1001.0.0-SNAPSHOT";

    private LifecycleBodies() {
    }

    /** {@code sharedSecret} is null for every event but {@code installed}. */
    static Map<String, Object> of(String eventType, String appKey, SiteIdentity site, String sharedSecret) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", appKey);
        body.put("clientKey", site.clientKey());
        if (sharedSecret != null) {
            body.put("sharedSecret", sharedSecret);
        }
        body.put("serverVersion", SERVER_VERSION);
        body.put("pluginsVersion", PLUGINS_VERSION);
        body.put("baseUrl", site.baseUrl());
        body.put("displayUrl", site.displayUrl());
        body.put("productType", "jira");
        body.put("description", site.description());
        body.put("serviceEntitlementNumber", "SEN-" + Math.abs(site.cloudId().hashCode()));
        body.put("entitlementId", "ent-" + site.cloudId());
        body.put("entitlementNumber", "E-" + Math.abs(site.cloudId().hashCode()));
        body.put("eventType", eventType);
        body.put("cloudId", site.cloudId());
        body.put("installationId", site.installationId());
        body.put("oauthClientId", site.oauthClientId());
        return body;
    }
}
