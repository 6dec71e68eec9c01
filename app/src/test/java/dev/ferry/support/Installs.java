package dev.ferry.support;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Lifecycle bodies as Jira sends them, for a site named by its clientKey. */
public final class Installs {

    public static final String APP_KEY = "ferry-for-jira";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Installs() {
    }

    public static Map<String, Object> fields(String eventType, String clientKey, String sharedSecret) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", APP_KEY);
        body.put("clientKey", clientKey);
        if (sharedSecret != null) {
            body.put("sharedSecret", sharedSecret);
        }
        body.put("baseUrl", "https://" + siteName(clientKey) + ".atlassian.net");
        body.put("displayUrl", "https://" + siteName(clientKey) + ".example.com");
        body.put("productType", "jira");
        body.put("description", "Atlassian JIRA at https://" + siteName(clientKey) + ".atlassian.net");
        body.put("serviceEntitlementNumber", "SEN-1234567");
        body.put("entitlementId", "ent-" + siteName(clientKey));
        body.put("entitlementNumber", "E-42");
        body.put("oauthClientId", "oauth-" + siteName(clientKey));
        body.put("cloudId", "cloud-" + siteName(clientKey));
        body.put("installationId", "ari:cloud:ecosystem::installation/" + siteName(clientKey));
        body.put("serverVersion", "100266");
        body.put("pluginsVersion", "1001.0.0-SNAPSHOT");
        body.put("eventType", eventType);
        body.put("someFieldJiraAddsLater", "ignored");
        return body;
    }

    public static String installed(String clientKey, String sharedSecret) {
        return json(fields("installed", clientKey, sharedSecret));
    }

    public static String event(String eventType, String clientKey) {
        return json(fields(eventType, clientKey, null));
    }

    public static String json(Map<String, ?> body) {
        return JSON.writeValueAsString(body);
    }

    private static String siteName(String clientKey) {
        return clientKey.replaceAll("[^a-z0-9]", "").toLowerCase();
    }
}
