package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The probes an orchestrator polls: the full set on the management port, liveness and readiness on the main one too. */
@FerryIntegrationTest
class HealthTest {

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"})
    void probesAnswerUpOnTheManagementPort(String path) {
        var response = new Http(managementPort).get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/livez", "/readyz"})
    void livenessAndReadinessAnswerUpOnTheMainPort(String path) {
        var response = new Http(port).get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void actuatorIsNotOnTheMainPort() {
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(new Http(port).get("/actuator/health").statusCode()).isEqualTo(404);
        assertThat(new Http(port).get("/actuator/prometheus").statusCode()).isEqualTo(404);
    }
}
