package dev.ferry.ticket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** What tells a repeated request from another one under the same idempotency key: a hash of its body. */
final class Fingerprints {

    private Fingerprints() {
    }

    static String of(TicketDraft draft) {
        try {
            byte[] body = DraftJson.JSON.writeValueAsString(draft).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
