package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The container files (Dockerfile, compose.yaml, docker/Caddyfile) say what Ferry does: no container engine runs
 * here, so what can be checked without one is checked. Every variable compose gives a Ferry node is a setting
 * Ferry reads (by Spring Boot's relaxed binding: {@code SPRING_DATASOURCE_URL} is {@code spring.datasource.url},
 * {@code FERRY_ADMIN_LOGIN_TRUSTED_PROXIES} is {@code ferry.admin.login.trusted-proxies}), both nodes get the same,
 * and the Dockerfile's ports and health check are Ferry's. {@code ContainerEnvironmentIT} runs the jar with that
 * environment.
 */
class ContainerFilesTest {

    static final List<String> FERRY_NODES = List.of("ferry-1", "ferry-2");

    @Test
    void everyVariableComposeGivesAFerryNodeIsASettingFerryReads() throws IOException {
        Set<String> settings = knownSettings();
        assertThat(settings).contains("ferry.base-url", "spring.datasource.url", "management.server.port");
        for (String node : FERRY_NODES) {
            Map<String, String> environment = environment(compose(), node);
            assertThat(environment).as(node).containsKeys("FERRY_SECRET_KEY", "FERRY_BASE_URL", "SPRING_DATASOURCE_URL");
            assertThat(environment.keySet().stream().filter(name -> setting(name, settings).isEmpty()).toList())
                    .as("variables of %s that are no setting Ferry reads", node).isEmpty();
        }
    }

    @Test
    void bothNodesRunOneImageWithOneEnvironment() throws IOException {
        JsonNode compose = compose();
        assertThat(environment(compose, "ferry-2")).isEqualTo(environment(compose, "ferry-1"));
        assertThat(compose.path("services").path("ferry-2").path("image").asString())
                .isEqualTo(compose.path("services").path("ferry-1").path("image").asString());
        assertThat(environment(compose, "ferry-1").get("FERRY_SECRET_KEY")).as("read from .env, never written here")
                .startsWith("${FERRY_SECRET_KEY");
    }

    @Test
    void theDockerfileExposesFerrysPortsAndChecksItsLivenessOnTheManagementPort() throws IOException {
        String dockerfile = Files.readString(root().resolve("Dockerfile"));
        JsonNode application = new YAMLMapper().readTree(Files.readString(root().resolve("app/src/main/resources/application.yml")));
        String serverPort = application.path("server").path("port").asString();
        String managementPort = environment(compose(), "ferry-1").get("MANAGEMENT_SERVER_PORT");
        assertThat(dockerfile).containsPattern("(?m)^EXPOSE .*\\b" + serverPort + "\\b")
                .containsPattern("(?m)^EXPOSE .*\\b" + managementPort + "\\b")
                .contains("\"http://localhost:" + managementPort + "/actuator/health/liveness\"")
                .containsPattern("(?m)^USER ferry$");
        assertThat(application.path("management").path("endpoint").path("health").path("probes").path("enabled").asBoolean())
                .as("the liveness group exists").isTrue();
        assertThat(root().resolve("docker/HealthCheck.java")).exists();
    }

    @Test
    void theProxySendsToBothNodesAndAsksTheirReadiness() throws IOException {
        String caddyfile = Files.readString(root().resolve("docker/Caddyfile"));
        JsonNode compose = compose();
        for (String node : FERRY_NODES) {
            assertThat(caddyfile).contains(node + ":8080");
        }
        assertThat(caddyfile).contains("health_port " + environment(compose, "ferry-1").get("MANAGEMENT_SERVER_PORT"))
                .contains("health_uri /actuator/health/readiness");
        assertThat(compose.path("services").path("proxy").path("volumes").get(0).asString()).startsWith("./docker/Caddyfile:");
    }

    @Test
    void relaxedBindingOfVariableNames() {
        Set<String> settings = Set.of("ferry.admin.login.trusted-proxies", "spring.datasource.url");
        assertThat(setting("FERRY_ADMIN_LOGIN_TRUSTED_PROXIES", settings)).contains("ferry.admin.login.trusted-proxies");
        assertThat(setting("FERRY_ADMIN_LOGIN_TRUSTEDPROXIES", settings)).contains("ferry.admin.login.trusted-proxies");
        assertThat(setting("SPRING_DATASOURCE_URL", settings)).contains("spring.datasource.url");
        assertThat(setting("SPRING_DATASOURCE_URI", settings)).isEmpty();
    }

    /** The setting an environment variable binds to, among {@code settings}. */
    static Optional<String> setting(String variable, Set<String> settings) {
        return settings.stream().filter(name -> {
            String upper = name.toUpperCase(Locale.ROOT).replace('.', '_');
            return variable.equals(upper.replace("-", "")) || variable.equals(upper.replace('-', '_'));
        }).findFirst();
    }

    /** Every key of every configuration metadata file on the classpath: Ferry's and Spring Boot's modules'. */
    static Set<String> knownSettings() throws IOException {
        Set<String> names = new TreeSet<>();
        Enumeration<URL> files = ContainerFilesTest.class.getClassLoader().getResources("META-INF/spring-configuration-metadata.json");
        JsonMapper json = JsonMapper.builder().build();
        while (files.hasMoreElements()) {
            try (InputStream file = files.nextElement().openStream()) {
                json.readTree(file).path("properties").forEach(property -> names.add(property.path("name").asString()));
            }
        }
        return names;
    }

    static JsonNode compose() throws IOException {
        return new YAMLMapper().readTree(Files.readString(root().resolve("compose.yaml")));
    }

    /** A service's {@code environment}, as written (values still holding {@code ${…}}). */
    static Map<String, String> environment(JsonNode compose, String service) {
        Map<String, String> environment = new LinkedHashMap<>();
        JsonNode variables = compose.path("services").path(service).path("environment");
        assertThat(variables.isObject()).as("%s's environment is a map", service).isTrue();
        variables.properties().forEach(entry -> environment.put(entry.getKey(), entry.getValue().asString()));
        return environment;
    }

    /** The tests run in {@code app/}; the container files are at the repository's root. */
    static Path root() {
        return Files.exists(Path.of("compose.yaml")) ? Path.of("") : Path.of("..");
    }
}
