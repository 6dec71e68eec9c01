package dev.ferry.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows failed sign-ins down with growing waits instead of locking anyone out. Each attempt is counted,
 * under row locks in the database, against the email from this address, the address, and the email,
 * before its password is checked: parallel attempts on any number of nodes cannot slip past the count.
 * The email-wide brake is capped low and spares addresses the account has signed in from, so a stranger
 * cannot keep its owner out; see {@link AccountProperties.Login}.
 */
@Service
class LoginThrottle {

    static final int MAX_CLIENT = 64;

    private final AccountProperties.Login limits;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    LoginThrottle(AccountProperties properties, JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this.limits = properties.login();
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Counts this attempt as a failure up front; empty when its password may be checked, else how long to wait. */
    Optional<Duration> reserve(String email, String client) {
        Instant now = clock.instant();
        Scopes scopes = new Scopes(email, client);
        prune(now);
        scopes.all().forEach(key -> ensureRow(key, now));
        try {
            return transaction.execute(status -> reserveLocked(scopes, now));
        } catch (PessimisticLockingFailureException busy) {
            return Optional.of(limits.firstDelay());
        }
    }

    /** The attempt counted by {@link #reserve} was no failure: the email and the pair start afresh. */
    void succeeded(String email, String client) {
        Scopes scopes = new Scopes(email, client);
        OffsetDateTime now = at(clock.instant());
        jdbc.sql("update sign_in_brake set failures = 0, not_before = null, signed_in = true, updated_at = :now "
                + "where scope_key = :key").param("now", now).param("key", scopes.pair()).update();
        jdbc.sql("update sign_in_brake set failures = 0, not_before = null, updated_at = :now where scope_key = :key")
                .param("now", now).param("key", scopes.account()).update();
        // The address keeps its other failures: signing in to one's own account must not wash them away.
        jdbc.sql("update sign_in_brake set failures = case when failures > 0 then failures - 1 else 0 end, "
                + "updated_at = :now where scope_key = :key").param("now", now).param("key", scopes.client()).update();
    }

    private Optional<Duration> reserveLocked(Scopes scopes, Instant now) {
        Brake account = lock(scopes.account());
        Brake client = lock(scopes.client());
        Brake pair = lock(scopes.pair());
        Duration wait = pair.waitAt(now).compareTo(client.waitAt(now)) >= 0 ? pair.waitAt(now) : client.waitAt(now);
        if (!pair.signedIn() && account.waitAt(now).compareTo(wait) > 0) {
            wait = account.waitAt(now);
        }
        if (!wait.isZero()) {
            return Optional.of(wait);
        }
        count(account, limits.freeFailuresPerAccount(), limits.maxAccountDelay(), now);
        count(client, limits.freeFailuresPerClient(), limits.maxDelay(), now);
        count(pair, limits.freeFailures(), limits.maxDelay(), now);
        return Optional.empty();
    }

    private void count(Brake brake, int free, Duration max, Instant now) {
        int failures = brake.failures() + 1;
        Instant notBefore = Brake.delay(failures, free, limits.firstDelay(), max).map(now::plus).orElse(null);
        jdbc.sql("update sign_in_brake set failures = :failures, not_before = :notBefore, updated_at = :now "
                        + "where scope_key = :key")
                .param("failures", failures).param("notBefore", notBefore == null ? null : at(notBefore))
                .param("now", at(now)).param("key", brake.key()).update();
    }

    private Brake lock(String key) {
        return jdbc.sql("select failures, not_before, signed_in from sign_in_brake where scope_key = :key for update")
                .param("key", key)
                .query((row, n) -> new Brake(key, row.getInt(1), toInstant(row.getObject(2, OffsetDateTime.class)),
                        row.getBoolean(3)))
                .optional()
                // Pruned by another node since ensureRow: this attempt counts as a first one.
                .orElseGet(() -> new Brake(key, 0, null, false));
    }

    // Inserted outside the locking transaction: a lost race on PostgreSQL would abort the transaction.
    private void ensureRow(String key, Instant now) {
        boolean exists = jdbc.sql("select count(*) from sign_in_brake where scope_key = :key").param("key", key)
                .query(Long.class).single() > 0;
        if (exists) {
            return;
        }
        try {
            jdbc.sql("insert into sign_in_brake (scope_key, failures, not_before, signed_in, updated_at) "
                    + "values (:key, 0, null, false, :now)").param("key", key).param("now", at(now)).update();
        } catch (DuplicateKeyException anotherAttemptWasFirst) {
            // the row is there, which is all this needs
        }
    }

    private void prune(Instant now) {
        jdbc.sql("delete from sign_in_brake where updated_at < :before and (not_before is null or not_before < :now)")
                .param("before", at(now.minus(limits.remember()))).param("now", at(now)).update();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant toInstant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** The three keys an attempt is counted against; email and address are cut to their columns' room. */
    private record Scopes(String account, String client, String pair) {

        Scopes(String email, String client) {
            this("account:" + cut(Account.normalize(email), Accounts.MAX_EMAIL), "client:" + cut(address(client), MAX_CLIENT),
                    "pair:" + cut(address(client), MAX_CLIENT) + " " + cut(Account.normalize(email), Accounts.MAX_EMAIL));
        }

        // Always locked in this order (account, client, pair), so two attempts never wait on each other in a circle.
        List<String> all() {
            return List.of(account, client, pair);
        }

        private static String address(String client) {
            return client == null ? "unknown" : client;
        }

        private static String cut(String text, int max) {
            return text.length() <= max ? text : text.substring(0, max);
        }
    }
}
