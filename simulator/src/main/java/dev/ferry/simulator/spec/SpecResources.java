package dev.ferry.simulator.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Atlassian's specifications, read from the classpath (the simulator's jar carries them), so a lone clone
 * of the repository and the demo jar need nothing beside them.
 */
public final class SpecResources {

    public static final String JIRA_OPENAPI = "/specs/jira-platform-v3.openapi.json";
    public static final String CONFLUENCE_OPENAPI = "/specs/confluence-v2.openapi.json";
    /** Ferry's own copy (app/src/main/resources/adf), which the simulator's build adds to its jar. */
    public static final String ADF_SCHEMA = "/adf/adf-schema-v1-full.json";
    public static final String INTEROP_VECTORS = "/vectors/connect-jwt-signed-urls.json";

    private SpecResources() {
    }

    public static InputStream open(String resource) {
        InputStream in = SpecResources.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("the classpath lacks " + resource);
        }
        return in;
    }

    public static String text(String resource) {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
