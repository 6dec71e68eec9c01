package dev.ferry.simulator.forge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * The bodies Forge posts to a remote: its life cycle events ({@code id} of the installation, installer, app and
 * environment) and the Jira product events, built from the same change the site recorded for Connect's webhook.
 */
final class ForgePayloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Connect's webhook names to Forge's event names for the same change. */
    static final Map<String, String> FORGE_EVENT_OF = Map.of(
            "jira:issue_created", "avi:jira:created:issue", "jira:issue_updated", "avi:jira:updated:issue",
            "jira:issue_deleted", "avi:jira:deleted:issue", "comment_created", "avi:jira:commented:issue",
            "comment_updated", "avi:jira:updated:comment", "comment_deleted", "avi:jira:deleted:comment",
            "worklog_created", "avi:jira:created:worklog", "worklog_updated", "avi:jira:updated:worklog",
            "worklog_deleted", "avi:jira:deleted:worklog");

    private ForgePayloads() {
    }

    static ObjectNode lifecycle(String eventType, ForgeInstallation installation, String installerAccountId) {
        ObjectNode body = JSON.createObjectNode();
        body.put("eventType", eventType);
        body.put("id", installation.installationId());
        body.put("installerAccountId", installerAccountId);
        body.putObject("app").put("id", installation.appId()).put("version", installation.appVersion());
        body.putObject("environment").put("id", installation.environmentId());
        body.putObject("context").put("cloudId", installation.cloudId());
        return body;
    }

    /**
     * A Jira event from the parts Connect's webhook body carries ({@code issue}, {@code changelog}, {@code comment},
     * {@code worklog}, {@code user}): {@code eventType}, the parts, {@code atlassianId} (who made the change) and
     * {@code associatedUsers}.
     */
    static ObjectNode jiraEvent(String forgeEventType, JsonNode connectBody, String cloudId, String moduleKey) {
        ObjectNode body = JSON.createObjectNode();
        body.put("eventType", forgeEventType);
        for (String part : new String[] {"issue", "changelog", "comment", "worklog"}) {
            if (connectBody.hasNonNull(part)) {
                body.set(part, connectBody.get(part));
            }
        }
        String accountId = connectBody.path("user").path("accountId").asText(null);
        if (accountId != null) {
            body.put("atlassianId", accountId);
            body.putArray("associatedUsers").addObject().put("accountId", accountId);
        }
        body.putObject("context").put("cloudId", cloudId).put("moduleKey", moduleKey);
        return body;
    }

    /** The Forge event name of a Connect webhook event; empty for one Forge has no trigger for here. */
    static Optional<String> forgeEventOf(String connectEvent) {
        return Optional.ofNullable(FORGE_EVENT_OF.get(connectEvent));
    }

    /** A retry carries how many times Forge tried before (unverified: Forge's remote contract names retries only). */
    static String attempt(ObjectNode body, int attempt) {
        if (attempt == 0) {
            return body.toString();
        }
        ObjectNode retry = body.deepCopy();
        retry.putObject("retryContext").put("retryCount", attempt).put("retryReason", "REMOTE_FAILURE");
        return retry.toString();
    }
}
