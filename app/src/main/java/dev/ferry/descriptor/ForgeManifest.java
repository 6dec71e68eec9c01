package dev.ferry.descriptor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Derives the Connect-on-Forge {@code manifest.yml} from the descriptor template, the way Atlassian's
 * converter maps one to the other, so the two can never drift apart. The base URL, app key and Forge
 * app id become manifest variables that the Forge CLI reads from the environment.
 */
public final class ForgeManifest {

    static final String BASE_URL_VARIABLE = "FERRY_BASE_URL";
    static final String APP_KEY_VARIABLE = "FERRY_APP_KEY";
    static final String APP_ID_VARIABLE = "FORGE_APP_ID";
    private static final String REMOTE = "connect";
    private static final JsonMapper JSON = JsonMapper.builder().build();
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
        manifest.put("environment", ordered("variables", List.of(
                ordered("key", BASE_URL_VARIABLE), ordered("key", APP_KEY_VARIABLE, "default", "ferry-for-jira"),
                ordered("key", APP_ID_VARIABLE))));
        manifest.put("remotes", List.of(ordered("key", REMOTE, "baseUrl", descriptor.get("baseUrl").asString())));
        manifest.put("connectModules", connectModules(descriptor));
        manifest.put("permissions", ordered("scopes", scopes(descriptor)));
        return HEADER + YAMLMapper.builder().build().writeValueAsString(manifest).replaceFirst("^---\\s*\\n", "");
    }

    private static Map<String, Object> app(JsonNode descriptor) {
        Map<String, Object> app = new LinkedHashMap<>();
        app.put("id", "${" + APP_ID_VARIABLE + "}");
        app.put("connect", ordered("key", descriptor.get("key").asString(), "remote", REMOTE));
        app.put("licensing", ordered("enabled", descriptor.path("enableLicensing").asBoolean(false)));
        return app;
    }

    private static Map<String, Object> connectModules(JsonNode descriptor) {
        Map<String, Object> modules = new LinkedHashMap<>();
        Map<String, Object> lifecycle = new LinkedHashMap<>();
        lifecycle.put("key", "lifecycle-events");
        descriptor.get("lifecycle").properties().forEach(entry -> lifecycle.put(entry.getKey(), entry.getValue().asString()));
        modules.put("jira:lifecycle", List.of(lifecycle));
        descriptor.get("modules").properties().forEach(entry ->
                modules.put("jira:" + entry.getKey(), moduleList(entry.getKey(), entry.getValue())));
        return modules;
    }

    /** Forge lists every module type; webhooks get the keys Atlassian's converter gives them. */
    private static List<Object> moduleList(String type, JsonNode modules) {
        List<Object> list = new ArrayList<>();
        List<JsonNode> items = new ArrayList<>();
        if (modules.isArray()) {
            modules.forEach(items::add);
        } else {
            items.add(modules);
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (type.equals("webhooks")) {
                ObjectNode keyed = JSON.createObjectNode().put("key", "webhook-" + (i + 1));
                keyed.setAll((ObjectNode) item);
                item = keyed;
            }
            list.add(JSON.treeToValue(item, Object.class));
        }
        return list;
    }

    /** A map that keeps the order its entries are given in, so the generated file is stable. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static List<String> scopes(JsonNode descriptor) {
        List<String> scopes = new ArrayList<>();
        descriptor.path("scopes").forEach(scope ->
                scopes.add(scope.asString().toLowerCase(Locale.ROOT).replace('_', '-') + ":connect-jira"));
        return scopes;
    }
}
