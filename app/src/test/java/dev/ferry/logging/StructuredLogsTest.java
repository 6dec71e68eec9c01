package dev.ferry.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With Boot's {@code logging.structured.format.console} set, each log line is one JSON object carrying the ids
 * {@link LogContext} put in the MDC, and they are gone from the next line. Runs in a JVM of its own: the logging
 * system is the JVM's, and the other tests' contexts log as text.
 */
class StructuredLogsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {"ecs", "logstash", "gelf"})
    void aLineIsOneJsonObjectWithTheIdsOfWhatItIsAbout(String format) throws Exception {
        List<String> lines = run("--logging.structured.format.console=" + format);

        JsonNode inside = line(lines, "delivery 7 filed");
        assertThat(field(inside, LogContext.DELIVERY)).isEqualTo("7");
        assertThat(field(inside, LogContext.EVENT)).isEqualTo("ev-1");
        assertThat(field(inside, LogContext.SITE)).isEqualTo("site-key");
        assertThat(field(inside, LogContext.WEBHOOK)).as("a null value leaves its key out").isNull();
        JsonNode after = line(lines, "after the delivery");
        assertThat(field(after, LogContext.DELIVERY)).as("put back as it was").isNull();
        assertThat(field(after, LogContext.SITE)).isEqualTo("outer-site");
    }

    /** The line whose message is {@code message}, parsed; every line of the child's output must be JSON. */
    private static JsonNode line(List<String> lines, String message) {
        for (String line : lines) {
            if (line.contains(message)) {
                assertThat(line).startsWith("{");
                return JSON.readTree(line);
            }
        }
        throw new AssertionError("no line with '" + message + "' in: " + lines);
    }

    /** An MDC entry: a top-level field ({@code ferry.site}), nested ({@code ferry: {site}}) or GELF's {@code _ferry.site}. */
    private static String field(JsonNode line, String key) {
        for (JsonNode candidate : List.of(line.path(key), line.path("_" + key), line.at("/" + key.replace('.', '/')))) {
            if (candidate.isValueNode()) {
                return candidate.asString();
            }
        }
        return null;
    }

    private static List<String> run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Child.class.getName()));
        command.addAll(List.of(arguments));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        return output.lines().toList();
    }

    /** Boots Spring (its logging system and nothing else) with the arguments given, then logs under a LogContext. */
    @SpringBootConfiguration
    static class Child {

        public static void main(String[] args) {
            new SpringApplicationBuilder(Child.class).web(WebApplicationType.NONE).run(args).close();
            var log = LoggerFactory.getLogger("dev.ferry.delivery.DeliveryWorker");
            LogContext.run(() -> {
                LogContext.run(() -> log.info("delivery 7 filed"), LogContext.DELIVERY, 7L, LogContext.EVENT, "ev-1",
                        LogContext.SITE, "site-key", LogContext.WEBHOOK, null);
                log.info("after the delivery");
            }, LogContext.SITE, "outer-site");
        }
    }
}
