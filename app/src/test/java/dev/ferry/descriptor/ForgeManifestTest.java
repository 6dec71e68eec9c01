package dev.ferry.descriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The committed Forge manifest is exactly what the descriptor template generates, every Connect module and webhook
 * has its native Forge counterpart, the endpoints have the routes Ferry serves, and Atlassian's own validator
 * ({@code @forge/manifest}, run by {@code descriptors/check-manifest.js}) accepts it.
 */
class ForgeManifestTest {

    static final Path DESCRIPTORS = Path.of("..", "descriptors");
    static final Path COMMITTED = DESCRIPTORS.resolve("manifest.yml");

    @Test
    void theCommittedManifestIsGeneratedFromTheDescriptor() throws IOException {
        String generated = ForgeManifest.generate(DescriptorTemplate.load());
        if (Boolean.getBoolean("ferry.write-manifest")) {
            Files.writeString(COMMITTED, generated);
        }

        assertThat(Files.readString(COMMITTED))
                .as("descriptors/manifest.yml is stale: regenerate it (see its first lines)")
                .isEqualTo(generated);
    }

    @Test
    void theEndpointsHaveTheRoutesFerryServesAndEveryOneGetsTheSystemToken() throws IOException {
        JsonNode manifest = manifest();

        Map<String, String> routes = new LinkedHashMap<>();
        manifest.at("/modules/endpoint").forEach(endpoint -> {
            routes.put(endpoint.get("key").asString(), endpoint.at("/route/path").asString(""));
            assertThat(endpoint.get("remote").asString()).isEqualTo("ferry");
            assertThat(endpoint.at("/auth/appSystemToken/enabled").asBoolean()).as(endpoint.toString()).isTrue();
            assertThat(endpoint.get("key").asString()).hasSizeLessThanOrEqualTo(23);
        });
        assertThat(routes).containsExactly(
                Map.entry("lifecycle-installed", "/forge/lifecycle/installed"),
                Map.entry("lifecycle-upgraded", "/forge/lifecycle/upgraded"),
                Map.entry("lifecycle-uninstalled", "/forge/lifecycle/uninstalled"),
                Map.entry("jira-events", "/forge/events"),
                Map.entry("token-refresh", "/forge/scheduled/token"),
                Map.entry("ferry-ui", ""));
        assertThat(manifest.at("/modules/endpoint/5/auth/appUserToken/enabled").asBoolean()).isTrue();
        assertThat(manifest.at("/modules/scheduledTrigger/0/endpoint").asString()).isEqualTo("token-refresh");
        assertThat(manifest.at("/modules/scheduledTrigger/0/interval").asString()).isEqualTo("fiveMinute");
        assertThat(manifest.at("/remotes/0/baseUrl").asString()).isEqualTo("${FERRY_BASE_URL}");
        assertThat(manifest.at("/remotes/0/operations").toString()).isEqualTo("[\"compute\",\"fetch\"]");
    }

    @Test
    void everyConnectWebhookHasItsForgeEventOrIsNamedAsHavingNone() throws IOException {
        JsonNode descriptor = DescriptorTemplate.load().render("https://x.example", "k");
        JsonNode trigger = trigger(manifest(), "jira-events-trigger");

        List<String> expected = new ArrayList<>();
        descriptor.at("/modules/webhooks").forEach(webhook -> {
            String event = webhook.get("event").asString();
            assertThat(ForgeModules.EVENTS).as(event).anyMatch(row -> row.connect().equals(event));
            ForgeModules.forgeEventFor(event).ifPresent(expected::add);
        });
        assertThat(trigger.get("endpoint").asString()).isEqualTo("jira-events");
        assertThat(strings(trigger.get("events"))).isEqualTo(expected).containsExactly(
                "avi:jira:created:issue", "avi:jira:updated:issue", "avi:jira:deleted:issue",
                "avi:jira:commented:issue", "avi:jira:deleted:comment", "avi:jira:created:worklog",
                "avi:jira:updated:worklog", "avi:jira:deleted:worklog");
        assertThat(ForgeModules.connectEventFor("avi:jira:commented:issue")).hasValue("comment_created");
        assertThat(ForgeModules.forgeEventFor("comment_updated")).isEmpty();
    }

    @Test
    void theLifecycleArrivesThroughForgeTriggersAndThePreUninstallModule() throws IOException {
        JsonNode manifest = manifest();

        for (String stage : List.of("installed", "upgraded")) {
            JsonNode trigger = trigger(manifest, "lifecycle-" + stage + "-trigger");
            assertThat(trigger.get("endpoint").asString()).isEqualTo("lifecycle-" + stage);
            assertThat(strings(trigger.get("events"))).containsExactly("avi:forge:" + stage + ":app");
        }
        // Forge documents no uninstalled event: its preUninstall module calls the endpoint instead.
        assertThat(manifest.at("/modules/trigger").findValuesAsString("endpoint")).doesNotContain("lifecycle-uninstalled");
        assertThat(manifest.at("/modules/preUninstall")).hasSize(1);
        assertThat(manifest.at("/modules/preUninstall/0/endpoint").asString()).isEqualTo("lifecycle-uninstalled");
    }

    @Test
    void everyConnectUiModuleHasItsNativeForgeModule() throws IOException {
        JsonNode descriptor = DescriptorTemplate.load().render("https://x.example", "k");
        JsonNode modules = manifest().get("modules");

        List<String> connectKeys = new ArrayList<>();
        descriptor.get("modules").properties().forEach(type -> {
            if (!type.getKey().equals("webhooks") && !type.getKey().equals("jiraEntityProperties")) {
                (type.getValue().isArray() ? type.getValue() : List.of(type.getValue())).forEach(
                        module -> connectKeys.add(type.getKey() + " " + module.get("key").asString()));
            }
        });
        assertThat(connectKeys).allSatisfy(connect -> assertThat(ForgeModules.UI)
                .anyMatch(row -> connect.equals(row.connectType() + " " + row.connectKey())));
        assertThat(module(modules, "jira:issueGlance", "ferry-linked-objects").get("resource").asString()).isEqualTo("issue");
        assertThat(module(modules, "jira:issueGlance", "ferry-linked-objects").get("label").asString())
                .isEqualTo(descriptor.at("/modules/jiraIssueGlances/0/content/label/value").asString());
        assertThat(module(modules, "jira:issuePanel", "ferry-issue-panel").get("title").asString())
                .isEqualTo(descriptor.at("/modules/webPanels/0/name/value").asString());
        JsonNode configure = module(modules, "jira:adminPage", "ferry-configure");
        assertThat(configure.get("useAsConfig").asBoolean()).isTrue();
        assertThat(configure.get("resource").asString()).isEqualTo("configure");
        assertThat(configure.get("title").asString()).isEqualTo(descriptor.at("/modules/configurePage/name/value").asString());
        for (String type : List.of("jira:issueGlance", "jira:issuePanel", "jira:adminPage")) {
            modules.get(type).forEach(ui -> assertThat(ui.at("/resolver/endpoint").asString()).isEqualTo("ferry-ui"));
        }
        assertThat(descriptor.at("/modules/jiraIssueGlances/0/icon/url").asString()).isEqualTo("/" + ForgeModules.ICON);
    }

    @Test
    void theResourcesAreTheFrontEndBuilds() throws IOException {
        JsonNode resources = manifest().get("resources");

        assertThat(resources.toString()).isEqualTo(
                "[{\"key\":\"issue\",\"path\":\"ui/dist/issue\"},{\"key\":\"configure\",\"path\":\"ui/dist/configure\"}]");
    }

    @Test
    void theDeliveryMarkerIndexKeepsItsJqlAlias() throws IOException {
        JsonNode descriptor = DescriptorTemplate.load().render("https://x.example", "k");
        JsonNode index = manifest().at("/modules/jira:entityProperty/0");
        JsonNode connect = descriptor.at("/modules/jiraEntityProperties/0");

        assertThat(index.get("key").asString()).isEqualTo(connect.get("key").asString());
        assertThat(index.get("propertyKey").asString()).isEqualTo(connect.at("/keyConfigurations/0/propertyKey").asString());
        assertThat(index.at("/values/0/path").asString()).isEqualTo(connect.at("/keyConfigurations/0/extractions/0/objectName").asString());
        assertThat(index.at("/values/0/searchAlias").asString()).isEqualTo("ferryDeliveryId");
    }

    @Test
    void theAppKeepsItsConnectKeyAndAsksForTheScopesItsJiraCallsNeed() throws IOException {
        JsonNode manifest = manifest();

        assertThat(manifest.at("/app/id").asString()).isEqualTo("${FORGE_APP_ID}");
        assertThat(manifest.at("/app/connect/key").asString()).isEqualTo("${FERRY_APP_KEY}");
        assertThat(manifest.at("/app/connect/remote").asString()).isEqualTo("ferry");
        assertThat(manifest.at("/app/runtime/name").asString()).isNotEmpty();
        assertThat(manifest.has("connectModules")).isFalse();
        assertThat(strings(manifest.at("/permissions/scopes"))).containsExactly("read:jira-work", "write:jira-work",
                "read:jira-user", "manage:jira-configuration", "read:app-system-token", "read:app-user-token");
        assertThat(manifest.at("/permissions/external/fetch/backend/0/remote").asString()).isEqualTo("ferry");
    }

    /**
     * Atlassian's validator, as {@code forge deploy} runs it. Where {@code npm ci} has not run the check is skipped,
     * except under CI, where a missing install is a failure.
     */
    @Test
    void atlassiansValidatorAcceptsTheManifest() throws IOException, InterruptedException {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!Files.isDirectory(DESCRIPTORS.resolve("node_modules/@forge/manifest"))) {
            if (ci) {
                fail("descriptors/node_modules is missing: .ci/run must run npm ci in descriptors/ first");
            }
            assumeTrue(false, "descriptors/node_modules is missing: run npm ci in descriptors/");
        }
        Process node = new ProcessBuilder("node", "check-manifest.js").directory(DESCRIPTORS.toFile())
                .redirectErrorStream(true).start();
        boolean done = node.waitFor(120, TimeUnit.SECONDS);
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            node.destroyForcibly();
        }

        assertThat(done).as("check-manifest.js finished").isTrue();
        assertThat(node.exitValue()).as(output).isZero();
        assertThat(output).contains("manifest.yml: valid");
    }

    private static JsonNode manifest() throws IOException {
        return YAMLMapper.builder().build().readTree(Files.readString(COMMITTED));
    }

    private static JsonNode trigger(JsonNode manifest, String key) {
        return module(manifest.get("modules"), "trigger", key);
    }

    private static JsonNode module(JsonNode modules, String type, String key) {
        for (JsonNode module : modules.path(type)) {
            if (module.path("key").asString("").equals(key)) {
                return module;
            }
        }
        throw new AssertionError("no " + type + " " + key + " in the manifest");
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(item -> strings.add(item.asString()));
        return strings;
    }
}
