package dev.ferry.connect;

import java.time.Instant;

/**
 * A token that passed every check.
 *
 * @param principal who sent it
 * @param token     the token itself, kept only to fingerprint it; never printed
 * @param expiresAt until when a replay would still verify
 */
public record VerifiedToken(ConnectPrincipal principal, String token, Instant expiresAt) {

    /** SHA-256 of the token, to recognise a replay without storing the token (computed only when asked). */
    public String fingerprint() {
        return Fingerprint.of(token);
    }

    @Override
    public String toString() {
        return "VerifiedToken[" + principal + ", expires " + expiresAt + "]";
    }
}
