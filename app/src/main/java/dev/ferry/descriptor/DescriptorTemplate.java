package dev.ferry.descriptor;

import dev.ferry.template.JsonTemplates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The root {@code atlassian-connect.json}: the single source of Ferry's module definitions, with
 * {@code {{baseUrl}}} and {@code {{appKey}}} placeholders inside its string values.
 */
public final class DescriptorTemplate {

    static final String RESOURCE = "/connect/atlassian-connect.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode template;

    private DescriptorTemplate(JsonNode template) {
        this.template = template;
    }

    /** The template, parsed once: renders copy it, so every caller may share it. */
    public static DescriptorTemplate load() {
        return Parsed.TEMPLATE;
    }

    /** Holds the parsed template; loaded on first use. */
    private static final class Parsed {
        static final DescriptorTemplate TEMPLATE = parse();
    }

    private static DescriptorTemplate parse() {
        try (InputStream in = DescriptorTemplate.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return new DescriptorTemplate(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode render(String baseUrl, String appKey) {
        return JsonTemplates.render(template, Map.of("baseUrl", baseUrl, "appKey", appKey));
    }
}
