package dev.ferry.simulator.forge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Mints Forge Invocation Tokens with the claims Forge's remote contract gives: {@code iss forge/invocation-token},
 * {@code aud} the app's ARI, {@code iat}/{@code nbf} now, a short {@code exp}, a {@code jti}; {@code app} (id,
 * installationId, apiBaseUrl, environment, module, appVersion), {@code context} (cloudId, siteUrl, moduleKey, and
 * for an issue module {@code extension.issue} and {@code extension.project}), and {@code principal} on UI calls.
 */
final class FitMinter {

    static final String ISSUER = "forge/invocation-token";
    /** How long a FIT lives (not given by Atlassian's contract; kept well under Ferry's 15-minute ceiling). */
    static final Duration LIFETIME = Duration.ofMinutes(5);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ForgeKeys keys;
    private final Clock clock;

    FitMinter(ForgeKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * @param principal the user of a UI call; null for events and triggers
     * @param issue     the issue a UI module is open on; null elsewhere
     */
    FitBuilder fit(ForgeInstallation installation, String moduleType, String moduleKey, String principal, IssueRef issue) {
        long now = clock.instant().getEpochSecond();
        ObjectNode claims = JSON.createObjectNode();
        claims.put("iss", ISSUER);
        claims.put("aud", installation.appId());
        claims.put("iat", now);
        claims.put("nbf", now);
        claims.put("exp", now + LIFETIME.toSeconds());
        claims.put("jti", UUID.randomUUID().toString());
        ObjectNode app = claims.putObject("app");
        app.put("id", installation.appId());
        app.put("appVersion", installation.appVersion());
        app.put("installationId", installation.installationId());
        app.put("apiBaseUrl", installation.apiBaseUrl());
        app.putObject("environment").put("type", "DEVELOPMENT").put("id", installation.environmentId());
        app.putObject("module").put("type", moduleType).put("key", moduleKey);
        ObjectNode context = claims.putObject("context");
        context.put("cloudId", installation.cloudId());
        context.put("siteUrl", installation.siteUrl());
        context.put("moduleKey", moduleKey);
        if (issue != null) {
            context.put("localId", moduleKey + "-" + issue.id());
            ObjectNode extension = context.putObject("extension");
            extension.put("type", moduleType);
            extension.putObject("issue").put("id", issue.id()).put("key", issue.key()).put("type", issue.type());
            extension.putObject("project").put("id", issue.projectId()).put("key", issue.projectKey())
                    .put("type", issue.projectType());
        }
        if (principal != null) {
            claims.put("principal", principal);
        }
        return new FitBuilder(keys, claims);
    }
}
