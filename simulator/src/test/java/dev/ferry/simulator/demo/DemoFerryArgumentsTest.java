package dev.ferry.simulator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.simulator.JiraSimulator;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Ferry the demo starts may call its loopback callback receiver and runs the workers the data-quality part needs. */
class DemoFerryArgumentsTest {

    @Test
    void theReceiversHostAndPortAreAllowedBesideTheSimulatedSite() {
        try (JiraSimulator jira = JiraSimulator.start()) {
            List<String> arguments = FerryProcess.arguments(8080, jira, Path.of("data"), "127.0.0.1:5555");

            assertThat(arguments).contains("--ferry.outbound.allowed-hosts="
                    + URI.create(jira.baseUrl()).getAuthority() + ",127.0.0.1:5555");
        }
    }

    @Test
    void theHandTicketObjectStateAndCallbackWorkersAreOnAndNoneIsSwitchedOff() {
        try (JiraSimulator jira = JiraSimulator.start()) {
            List<String> arguments = FerryProcess.arguments(8080, jira, Path.of("data"));

            assertThat(arguments).contains("--ferry.tickets.worker-enabled=true",
                    "--ferry.object-state.worker-enabled=true", "--ferry.callbacks.worker-enabled=true");
            assertThat(arguments).noneMatch(argument -> argument.endsWith("enabled=false"));
        }
    }
}
