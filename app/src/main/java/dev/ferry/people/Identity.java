package dev.ferry.people;

import java.time.Instant;

/**
 * One identity of a person on one connection.
 *
 * @param accountId null until an email is resolved
 * @param note      what to do when the state is not {@link IdentityState#RESOLVED}, in a person's words
 */
public record Identity(String id, String personId, String connection, String accountId, String email,
        IdentityState state, String note, Instant createdAt, Instant resolvedAt) {
}
