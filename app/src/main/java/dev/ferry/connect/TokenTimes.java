package dev.ferry.connect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The time checks every Connect token gets: iat and exp required, nbf honoured, 30 s of clock skew. */
final class TokenTimes {

    static final Duration LEEWAY = Duration.ofSeconds(30);
    /** Jira's tokens live minutes (context tokens 15); a longer one was not minted by Jira. */
    static final Duration MAX_LIFETIME = Duration.ofHours(1);

    private TokenTimes() {
    }

    static Instant check(Jwt jwt, Clock clock) {
        Instant now = clock.instant();
        Instant issuedAt = jwt.instant("iat").orElseThrow(() -> new InvalidTokenException("the token has no iat claim"));
        Instant expiresAt = jwt.instant("exp").orElseThrow(() -> new InvalidTokenException("the token has no exp claim"));
        if (now.isAfter(expiresAt.plus(LEEWAY))) {
            throw new InvalidTokenException("the token expired at " + expiresAt);
        }
        if (issuedAt.isAfter(now.plus(LEEWAY))) {
            throw new InvalidTokenException("the token is issued in the future (iat " + issuedAt + ")");
        }
        if (expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
            throw new InvalidTokenException("the token expires too far in the future (exp " + expiresAt + ")");
        }
        jwt.instant("nbf").filter(notBefore -> notBefore.isAfter(now.plus(LEEWAY))).ifPresent(notBefore -> {
            throw new InvalidTokenException("the token is not valid before " + notBefore);
        });
        return expiresAt;
    }
}
