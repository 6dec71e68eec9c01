package dev.ferry.connect;

import java.time.Instant;

/**
 * A token that passed every check.
 *
 * @param principal   who sent it
 * @param fingerprint SHA-256 of the token, to recognise a replay without storing the token
 * @param expiresAt   until when a replay would still verify
 */
public record VerifiedToken(ConnectPrincipal principal, String fingerprint, Instant expiresAt) {
}
