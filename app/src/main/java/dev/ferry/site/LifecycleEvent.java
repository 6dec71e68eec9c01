package dev.ferry.site;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The body of a Connect lifecycle callback; unknown fields are ignored, as Jira adds some over time. */
@JsonIgnoreProperties(ignoreUnknown = true)
record LifecycleEvent(
        String key,
        String clientKey,
        String sharedSecret,
        String baseUrl,
        String displayUrl,
        String displayUrlServicedeskHelpCenter,
        String productType,
        String description,
        String serviceEntitlementNumber,
        String entitlementId,
        String entitlementNumber,
        String oauthClientId,
        String cloudId,
        String installationId,
        String serverVersion,
        String pluginsVersion,
        String eventType) {

    Installation installation() {
        return new Installation(baseUrl, displayUrl, displayUrlServicedeskHelpCenter, productType, description,
                cloudId, installationId, oauthClientId, serviceEntitlementNumber, entitlementId, entitlementNumber,
                serverVersion, pluginsVersion);
    }

    @Override
    public String toString() {
        return "LifecycleEvent[" + eventType + ", " + clientKey + ", " + baseUrl + "]";
    }
}
