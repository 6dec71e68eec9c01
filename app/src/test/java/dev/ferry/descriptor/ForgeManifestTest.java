package dev.ferry.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The committed Forge manifest is exactly what the descriptor template generates, so the Connect and
 * Forge declarations of Ferry's modules cannot drift apart.
 */
class ForgeManifestTest {

    static final Path COMMITTED = Path.of("..", "descriptors", "manifest.yml");

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
    void theManifestDeclaresEveryDescriptorModuleAsAConnectModule() throws IOException {
        JsonNode manifest = YAMLMapper.builder().build().readTree(Files.readString(COMMITTED));
        JsonNode descriptor = DescriptorTemplate.load().render("https://x.example", "k");

        assertThat(manifest.at("/app/connect/key").asString()).isEqualTo("${FERRY_APP_KEY}");
        assertThat(manifest.at("/app/connect/remote").asString()).isEqualTo("connect");
        assertThat(manifest.at("/remotes/0/baseUrl").asString()).isEqualTo("${FERRY_BASE_URL}");
        JsonNode modules = manifest.get("connectModules");
        descriptor.get("modules").propertyNames().forEach(type -> assertThat(modules.has("jira:" + type)).isTrue());
        assertThat(modules.at("/jira:lifecycle/0/installed").asString()).isEqualTo("/lifecycle/installed");
        assertThat(modules.at("/jira:webhooks").size()).isEqualTo(descriptor.at("/modules/webhooks").size());
        assertThat(modules.at("/jira:webhooks/0/key").asString()).isEqualTo("webhook-1");
        assertThat(modules.at("/jira:webhooks/0/event").asString()).isEqualTo("jira:issue_created");
        assertThat(modules.at("/jira:configurePage/0/url").asString()).isEqualTo("/configure");
        assertThat(modules.at("/jira:jiraEntityProperties/0/keyConfigurations/0/propertyKey").asString())
                .isEqualTo("ferry-delivery");
    }

    @Test
    void descriptorScopesBecomeConnectJiraPermissions() throws IOException {
        JsonNode manifest = YAMLMapper.builder().build().readTree(Files.readString(COMMITTED));

        List<String> scopes = new ArrayList<>();
        manifest.at("/permissions/scopes").forEach(scope -> scopes.add(scope.asString()));
        assertThat(scopes).containsExactly("read:connect-jira", "write:connect-jira", "delete:connect-jira",
                "admin:connect-jira");
    }
}
