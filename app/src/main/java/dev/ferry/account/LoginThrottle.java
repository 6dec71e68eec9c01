package dev.ferry.account;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Counts failed sign-ins per email and per client address in the database, so the limit holds however
 * many nodes share the load; over either limit a sign-in is refused before any password is checked.
 */
@Service
class LoginThrottle {

    static final int MAX_CLIENT = 64;

    private final AccountProperties.Login limits;
    private final JdbcClient jdbc;
    private final Clock clock;

    LoginThrottle(AccountProperties properties, JdbcClient jdbc, Clock clock) {
        this.limits = properties.login();
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean refuses(String email, String client) {
        OffsetDateTime since = windowStart();
        return count("email", Account.normalize(email), since) >= limits.maxFailuresPerEmail()
                || count("client_ip", cut(client), since) >= limits.maxFailuresPerClient();
    }

    /** Records one failure and forgets those too old to count. */
    void failed(String email, String client) {
        jdbc.sql("insert into login_failure (email, client_ip, failed_at) values (:email, :client, :now)")
                .param("email", cut(Account.normalize(email), Accounts.MAX_EMAIL))
                .param("client", cut(client))
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
        jdbc.sql("delete from login_failure where failed_at < :since").param("since", windowStart()).update();
    }

    /** A person who got in is not held back by their own earlier typos. */
    void succeeded(String email) {
        jdbc.sql("delete from login_failure where email = :email").param("email", Account.normalize(email)).update();
    }

    // The column name is one of two constants above, never input.
    private long count(String column, String value, OffsetDateTime since) {
        return jdbc.sql("select count(*) from login_failure where " + column + " = :value and failed_at >= :since")
                .param("value", value).param("since", since).query(Long.class).single();
    }

    private OffsetDateTime windowStart() {
        return OffsetDateTime.ofInstant(clock.instant().minus(limits.window()), ZoneOffset.UTC);
    }

    private static String cut(String text) {
        return cut(text == null ? "unknown" : text, MAX_CLIENT);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
