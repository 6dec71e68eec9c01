package dev.ferry.template;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Atlassian's ADF JSON schema (from {@code @atlaskit/adf-schema}), loaded once, rewritten to dispatch on node
 * type ({@link TypeDispatch}) and shared: the compiled schema is immutable, so every thread may use it.
 */
final class AdfSchema {

    private static final String RESOURCE = "/adf/adf-schema-v1-full.json";

    private final JsonNode schemaJson;
    private final Schema schema;

    private AdfSchema() {
        schemaJson = TypeDispatch.rewrite(AdfJson.MAPPER.readTree(read()));
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schemaJson);
        // The first validations resolve every $ref lazily; pay that once here, not on the first ticket.
        schema.initializeValidators();
    }

    static AdfSchema shared() {
        return Holder.INSTANCE;
    }

    /** True when Jira would accept the document's shape. */
    boolean isValid(JsonNode document) {
        // Not fail-fast: the validator implements that with exceptions, which costs more than collecting.
        return schema.validate(document).isEmpty();
    }

    /** A short, human-readable reason the document is invalid, or empty when it is valid. */
    Optional<String> problem(JsonNode document) {
        List<Error> errors = schema.validate(document);
        return errors.isEmpty() ? Optional.empty() : Optional.of(SchemaErrorReason.of(errors, document, schemaJson));
    }

    private static byte[] read() {
        try (InputStream in = AdfSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the ADF schema is missing from the classpath: " + RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ADF schema " + RESOURCE, e);
        }
    }

    private static final class Holder {
        private static final AdfSchema INSTANCE = new AdfSchema();
    }
}
