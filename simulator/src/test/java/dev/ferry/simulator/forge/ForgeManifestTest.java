package dev.ferry.simulator.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulator reads a Forge manifest as the platform does: placeholders filled, triggers routed to endpoints. */
class ForgeManifestTest {

    private final ForgeManifest manifest = ForgeManifest.parse(FerryStandIn.manifest(),
            Map.of("FERRY_BASE_URL", "https://ferry.example", "FORGE_APP_ID", FerryStandIn.APP_ID));

    @Test
    void placeholdersTakeTheGivenValuesOrTheManifestsDefaults() {
        assertThat(manifest.appId()).isEqualTo(FerryStandIn.APP_ID);
        assertThat(manifest.connectKey()).isEqualTo("ferry-for-jira");
        assertThat(manifest.remotes()).containsEntry("ferry", "https://ferry.example");
    }

    @Test
    void eachEventGoesToTheRouteOfItsTriggersEndpoint() {
        assertThat(manifest.endpointForEvent("avi:forge:installed:app")).get()
                .satisfies(endpoint -> assertThat(manifest.url(endpoint, endpoint.route()))
                        .isEqualTo("https://ferry.example/forge/lifecycle/installed"));
        assertThat(manifest.endpointForEvent("avi:jira:deleted:worklog")).get()
                .satisfies(endpoint -> assertThat(endpoint.route()).isEqualTo("/forge/events"));
        assertThat(manifest.endpointForEvent("avi:jira:viewed:issue")).isEmpty();
        assertThat(manifest.endpoint("jira-events").systemToken()).isTrue();
        assertThat(manifest.endpoint("jira-events").userToken()).isFalse();
    }

    @Test
    void scheduledTriggersUiModulesResourcesAndScopesAreRead() {
        assertThat(manifest.scheduledTriggers()).containsEntry("token-refresh-schedule", "token-refresh");
        assertThat(manifest.uiModules()).containsOnlyKeys("ferry-linked-objects", "ferry-issue-panel", "ferry-configure");
        assertThat(manifest.uiModules().get("ferry-configure").type()).isEqualTo("jira:adminPage");
        assertThat(manifest.uiModules().get("ferry-issue-panel").resolverEndpoint()).isEqualTo("ferry-ui");
        assertThat(manifest.endpoint("ferry-ui").userToken()).isTrue();
        assertThat(manifest.endpoint("ferry-ui").route()).isEmpty();
        assertThat(manifest.resources()).containsEntry("issue", "ui/dist/issue");
        assertThat(manifest.scopes()).contains("read:jira-work", "write:jira-work");
    }

    @Test
    void aVariableWithNoDefaultTakesTheLastResortValue() {
        String noDefault = FerryStandIn.manifest().replace("default: \"ferry-for-jira\"", "");
        assertThat(ForgeManifest.parse(noDefault, Map.of("FERRY_BASE_URL", "https://f", "FORGE_APP_ID", FerryStandIn.APP_ID),
                Map.of("FERRY_APP_KEY", "fallback-key")).connectKey()).isEqualTo("fallback-key");
    }

    @Test
    void aPlaceholderNobodySetsFailsTheInstall() {
        assertThatThrownBy(() -> ForgeManifest.parse(FerryStandIn.manifest(), Map.of("FORGE_APP_ID", FerryStandIn.APP_ID)))
                .hasMessageContaining("FERRY_BASE_URL");
    }
}
