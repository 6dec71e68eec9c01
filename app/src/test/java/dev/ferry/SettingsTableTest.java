package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/** Every setting Ferry reads is a row of the README's settings table, so nobody has to read the code to find one. */
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
