package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/** Checks rich-text fields the way Jira does: an ADF document valid against Atlassian's schema, within the size limit. */
public final class Adf {

    /** Jira refuses a rich-text field whose serialized ADF is longer than this. */
    static final int MAX_CHARS = 32_767;

    private final JsonSchema schema;

    public Adf(Path schemaFile) {
        try {
            JsonNode schemaJson = Json.MAPPER.readTree(Files.readString(schemaFile));
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schemaJson);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ADF schema " + schemaFile, e);
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
        Set<ValidationMessage> errors = schema.validate(document);
        if (!errors.isEmpty()) {
            return Optional.of("INVALID_INPUT: " + errors.iterator().next().getMessage());
        }
        return Optional.empty();
    }
}
