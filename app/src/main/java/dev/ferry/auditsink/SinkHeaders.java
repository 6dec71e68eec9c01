package dev.ferry.auditsink;

import dev.ferry.crypto.Sealed;
import dev.ferry.crypto.SecretCipher;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seals a sink's headers (an Authorization header among them) as one JSON object bound to the sink's row and
 * column, and opens them to send; their values are never stored in clear, shown or logged.
 */
@Component
class SinkHeaders {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> OBJECT = new TypeReference<>() {
    };

    private final SecretCipher cipher;

    SinkHeaders(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /** Null for no headers: nothing is sealed. */
    Sealed seal(String collectorId, Map<String, String> headers) {
        return headers.isEmpty() ? null : cipher.seal(JSON.writeValueAsString(headers), context(collectorId));
    }

    Map<String, String> open(AuditSink sink) {
        if (sink.headers() == null) {
            return Map.of();
        }
        return JSON.readValue(cipher.open(sink.headers(), context(sink.collectorId())), OBJECT);
    }

    private static String context(String collectorId) {
        return "audit_sink.headers:" + collectorId;
    }
}
