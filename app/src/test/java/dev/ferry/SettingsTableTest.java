package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every setting Ferry reads is a row of the README's settings table, so nobody has to read the code to find one;
 * and the table lists the same {@code ferry.*} settings as the configuration metadata an IDE completes from.
 */
class SettingsTableTest {

    @Test
    void everySettingOfEveryPropertiesRecordIsInTheReadmeTable() throws Exception {
        String readme = Files.readString(readme());
        List<String> keys = settingKeys();
        assertThat(keys).as("the scan finds Ferry's settings").contains("ferry.base-url", "ferry.delivery.max-variables")
                .hasSizeGreaterThan(40);
        Set<String> missing = new TreeSet<>();
        for (String key : keys) {
            if (!readme.contains("`" + key + "`")) {
                missing.add(key);
            }
        }
        assertThat(missing).as("settings missing from the README's table").isEmpty();
    }

    /** Every {@code ferry.*} key of the generated configuration metadata (what an IDE completes) is a row. */
    @Test
    void everySettingInTheConfigurationMetadataHasARow() throws Exception {
        Set<String> rows = tableRows();
        Set<String> metadata = metadataKeys();
        assertThat(metadata).as("the metadata lists Ferry's settings").contains("ferry.delivery.worker-threads")
                .hasSizeGreaterThan(100);
        assertThat(difference(metadata, rows)).as("settings in the metadata without a row in the README's table").isEmpty();
    }

    /** A {@code ferry.*} row names a real setting: a key of the metadata, not a renamed or removed one. */
    @Test
    void everyFerryRowIsASettingInTheConfigurationMetadata() throws Exception {
        Set<String> ferryRows = new TreeSet<>(tableRows());
        ferryRows.removeIf(row -> !row.startsWith("ferry."));
        assertThat(difference(ferryRows, metadataKeys())).as("README rows that are no setting Ferry reads").isEmpty();
    }

    /**
     * The {@code ferry.*} keys of {@code META-INF/spring-configuration-metadata.json}, which the configuration
     * processor writes at compile time from the properties records (and from
     * {@code additional-spring-configuration-metadata.json} for the few settings read without one).
     */
    static Set<String> metadataKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (InputStream metadata = SettingsTableTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(metadata).as("the configuration processor's output on the classpath").isNotNull();
            for (JsonNode property : JsonMapper.builder().build().readTree(metadata).path("properties")) {
                String name = property.path("name").asString();
                if (name.startsWith("ferry.")) {
                    keys.add(name);
                }
            }
        }
        return keys;
    }

    /** The settings named (in backticks) in the first column of the README's settings table. */
    static Set<String> tableRows() throws IOException {
        List<String> lines = Files.readAllLines(readme());
        int start = lines.indexOf("## Settings");
        assertThat(start).as("the README has a Settings section").isNotNegative();
        Set<String> rows = new TreeSet<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (line.startsWith("| `")) {
                Matcher named = Pattern.compile("`([a-z][a-z0-9.\\[\\]-]*)`").matcher(line.split("\\|")[1]);
                while (named.find()) {
                    rows.add(named.group(1));
                }
            }
        }
        return rows;
    }

    private static Set<String> difference(Set<String> these, Set<String> those) {
        Set<String> left = new TreeSet<>(these);
        left.removeAll(those);
        return left;
    }

    /** The test runs in {@code app/}; the README is at the repository's root. */
    private static Path readme() {
        Path here = Path.of("README.md");
        return Files.exists(here) ? here : Path.of("..", "README.md");
    }

    static List<String> settingKeys() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        List<String> keys = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("dev.ferry")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.value().isEmpty() ? annotation.prefix() : annotation.value();
            collect(prefix, type, keys);
        }
        return keys;
    }

    /**
     * A component whose type is a record nested in a properties record is a group of settings
     * ({@code ferry.admin.limits.per-key}); a top-level record such as {@code Rate} is one value read from text.
     */
    private static void collect(String prefix, Class<?> type, List<String> keys) {
        for (RecordComponent component : type.getRecordComponents()) {
            String key = prefix + "." + kebab(component.getName());
            Class<?> valueType = component.getType();
            if (valueType.isRecord() && valueType.getEnclosingClass() != null && valueType.getPackageName().startsWith("dev.ferry")) {
                collect(key, valueType, keys);
            } else {
                keys.add(key);
            }
        }
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    @Test
    void kebabCaseIsSpringBootsCanonicalForm() {
        assertThat(kebab("maxVariableChars")).isEqualTo("max-variable-chars");
        assertThat(kebab("perAddress")).isEqualTo("per-address");
    }
}
