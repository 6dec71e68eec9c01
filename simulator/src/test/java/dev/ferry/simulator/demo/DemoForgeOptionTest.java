package dev.ferry.simulator.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.simulator.JiraSimulator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --forge} asks for the Forge install, and the Ferry the demo starts trusts the simulator's Forge tokens. */
class DemoForgeOptionTest {

    @Test
    void forgeIsAnOptionOfItsOwn() {
        assertThat(DemoOptions.parse(List.of("--forge", "--once")).forge()).isTrue();
        assertThat(DemoOptions.parse(List.of("--once")).forge()).isFalse();
        assertThatThrownBy(() -> DemoOptions.parse(List.of("--forge=yes"))).hasMessageContaining("--forge");
    }

    @Test
    void ferryVerifiesForgeTokensWithTheSimulatorsJwksAndTheDemosAppId() {
        try (JiraSimulator jira = JiraSimulator.start()) {
            List<String> arguments = FerryProcess.arguments(8080, jira, Path.of("data"));

            assertThat(arguments).contains("--ferry.forge.app-id=" + DemoForge.APP_ID,
                    "--ferry.forge.jwks-url=" + jira.baseUrl() + "/forge-platform/jwks.json");
        }
    }
}
