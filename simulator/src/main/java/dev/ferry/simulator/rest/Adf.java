package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** Checks rich-text fields the way Jira does: an ADF document valid against Atlassian's schema, within the size limit. */
public final class Adf {

    /** Jira refuses a rich-text field whose serialized ADF is longer than this. */
    static final int MAX_CHARS = 32_767;

    private final Schema schema;

    /** Reads the schema from {@code schema} and closes it. */
    public Adf(InputStream schema) {
        try (InputStream in = schema) {
            this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ADF schema", e);
        }
    }

    /** Jira's message for the field, or empty when the document is acceptable. */
    Optional<String> problem(JsonNode document) {
        if (document == null || !document.isObject() || !"doc".equals(document.path("type").asText())) {
            return Optional.of("Operation value must be an Atlassian Document (see the Atlassian Document Format).");
        }
        if (Json.write(document).length() > MAX_CHARS) {
            return Optional.of("The entered text is too long. It exceeds the allowed limit of 32,767 characters.");
        }
        // The validator reads Jackson 3 trees; this side speaks Jackson 2, so the document crosses as text.
        List<Error> errors = schema.validate(Json.write(document), InputFormat.JSON);
        if (!errors.isEmpty()) {
            return Optional.of("INVALID_INPUT: " + errors.get(0).getMessage());
        }
        return Optional.empty();
    }
}
