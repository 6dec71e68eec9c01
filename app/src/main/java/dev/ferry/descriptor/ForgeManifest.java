package dev.ferry.descriptor;

import dev.ferry.descriptor.ForgeModules.Endpoint;
import dev.ferry.descriptor.ForgeModules.UiModule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Derives Ferry's native Forge {@code manifest.yml} (Forge Remote endpoints, triggers, Custom UI modules) from the
 * Connect descriptor template and the small table in {@link ForgeModules}, so the two declarations of Ferry's modules
 * cannot drift apart. The base URL, app key and Forge app id become manifest variables that the Forge CLI reads from
 * the environment. No {@code connectModules}: they would show a second glance, panel and configure page beside the
 * native ones, and they stop working when Connect does.
 */
public final class ForgeManifest {

    static final String BASE_URL_VARIABLE = "FERRY_BASE_URL";
    static final String APP_KEY_VARIABLE = "FERRY_APP_KEY";
    static final String APP_ID_VARIABLE = "FORGE_APP_ID";
    /** Forge requires a runtime even for an app whose code all runs on a remote. */
    static final String RUNTIME = "nodejs22.x";
    /**
     * What Ferry calls with the system token, each path's scope read from Jira's v3 OpenAPI document: issues, comments,
     * properties, remote links, worklogs, changelogs and searches ({@code read:jira-work}, {@code write:jira-work}),
     * users ({@code read:jira-user}), the audit log and the licence ({@code manage:jira-configuration}); then the two
     * that let Forge hand the remote its system and user tokens, as Atlassian's Forge Remote examples declare them.
     */
    static final List<String> SCOPES = List.of("read:jira-work", "write:jira-work", "read:jira-user",
            "manage:jira-configuration", "read:app-system-token", "read:app-user-token");
    private static final String HEADER = """
            # Generated from ../atlassian-connect.json by dev.ferry.descriptor.ForgeManifest: do not edit by hand.
            # Regenerate with: mvn -pl app test -Dtest=ForgeManifestTest -Dferry.write-manifest=true
            # Deploy with FERRY_BASE_URL (https), FERRY_APP_KEY and FORGE_APP_ID (from forge register) set.
            """;

    private ForgeManifest() {
    }

    public static String generate(DescriptorTemplate template) {
        JsonNode descriptor = template.render("${" + BASE_URL_VARIABLE + "}", "${" + APP_KEY_VARIABLE + "}");
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("app", app(descriptor));
        manifest.put("environment", ordered("variables", List.of(BASE_URL_VARIABLE,
                ordered("key", APP_KEY_VARIABLE, "default", "ferry-for-jira"), APP_ID_VARIABLE)));
        manifest.put("modules", ForgeModuleList.of(descriptor));
        manifest.put("resources", resources());
        manifest.put("remotes", List.of(ordered("key", ForgeModules.REMOTE, "baseUrl",
                descriptor.get("baseUrl").asString(), "operations", List.of("compute", "fetch"))));
        manifest.put("permissions", ordered("scopes", SCOPES,
                "external", ordered("fetch", ordered("backend", List.of(ordered("remote", ForgeModules.REMOTE))))));
        return HEADER + YAMLMapper.builder().build().writeValueAsString(manifest).replaceFirst("^---\\s*\\n", "");
    }

    /** {@code app.connect.key} is the descriptor's key, so a Connect site's app properties carry over to Forge. */
    private static Map<String, Object> app(JsonNode descriptor) {
        Map<String, Object> app = new LinkedHashMap<>();
        app.put("id", "${" + APP_ID_VARIABLE + "}");
        app.put("runtime", ordered("name", RUNTIME));
        app.put("connect", ordered("key", descriptor.get("key").asString(), "remote", ForgeModules.REMOTE));
        app.put("licensing", ordered("enabled", descriptor.path("enableLicensing").asBoolean(false)));
        return app;
    }

    private static List<Object> resources() {
        List<Object> resources = new ArrayList<>();
        ForgeModules.UI.stream().map(UiModule::resource).distinct()
                .forEach(key -> resources.add(ordered("key", key, "path", "ui/dist/" + key)));
        return resources;
    }

    static List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>(ForgeModules.LIFECYCLE);
        endpoints.add(new Endpoint(ForgeModules.EVENTS_ENDPOINT, ForgeModules.EVENTS_ROUTE, List.of()));
        endpoints.add(new Endpoint(ForgeModules.TOKEN_ENDPOINT, ForgeModules.TOKEN_ROUTE, List.of()));
        return endpoints;
    }

    /** A map that keeps the order its entries are given in, so the generated file is stable. */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
