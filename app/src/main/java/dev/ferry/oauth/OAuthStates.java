package dev.ferry.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code state} of a "Connect with Atlassian" in flight: 256 random bits sent to Atlassian, kept only as a
 * hash, bound to the signed-in person's session (also a hash), good once and for ten minutes. It is what
 * makes a callback Ferry's own answer to this person's click, not a link someone else crafted.
 */
@Component
class OAuthStates {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    OAuthStates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A state in flight, as stored; {@code connectionId} names the connection a reconnect renews. */
    record Started(String organizationId, String person, String connectionId) {
    }

    /** Why a callback's state is refused, in words the error page shows. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** Stores a new state for this session; answers the state itself, which only the redirect carries. */
    String start(String organizationId, String sessionId, String person, String connectionId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        jdbc.sql("delete from oauth_state where expires_at < ?").param(Timestamp.from(now)).update();
        jdbc.sql("""
                insert into oauth_state (state_hash, organization_id, session_hash, person, connection_id, expires_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(hash(state), organizationId, hash(sessionId), person, connectionId,
                        Timestamp.from(now.plus(LIFETIME))).update();
        return state;
    }

    /**
     * Takes the state out (it works once, also when it is refused here) and answers what it started, if it is
     * this session's and still fresh.
     */
    Started take(String state, String sessionId) {
        if (state == null || state.isBlank()) {
            throw new Refused("The answer from Atlassian carries no state, so Ferry cannot tell it is the answer to"
                    + " your own click. Nothing was connected: start again with Connect with Atlassian.");
        }
        String stateHash = hash(state);
        Optional<Row> row = jdbc.sql("""
                select organization_id, session_hash, person, connection_id, expires_at from oauth_state
                where state_hash = ?""").param(stateHash)
                .query((rs, n) -> new Row(new Started(rs.getString(1), rs.getString(3), rs.getString(4)),
                        rs.getString(2), rs.getObject(5, OffsetDateTime.class).toInstant()))
                .optional();
        int deleted = jdbc.sql("delete from oauth_state where state_hash = ?").param(stateHash).update();
        if (row.isEmpty() || deleted == 0) {
            throw new Refused("This answer from Atlassian is unknown to Ferry or was used already (a state is good"
                    + " once). Nothing was connected: start again with Connect with Atlassian.");
        }
        if (!row.get().sessionHash().equals(hash(sessionId))) {
            throw new Refused("This answer from Atlassian belongs to another sign-in session than yours, so Ferry"
                    + " does not act on it. Nothing was connected: start again with Connect with Atlassian.");
        }
        if (!clock.instant().isBefore(row.get().expiresAt())) {
            throw new Refused("This answer from Atlassian came more than " + LIFETIME.toMinutes() + " minutes after"
                    + " you started, and has expired. Nothing was connected: start again with Connect with Atlassian.");
        }
        return row.get().started();
    }

    static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private record Row(Started started, String sessionHash, Instant expiresAt) {
    }
}
