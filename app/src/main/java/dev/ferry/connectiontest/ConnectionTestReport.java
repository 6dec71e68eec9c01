package dev.ferry.connectiontest;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What testing a connection found: whom it calls Jira as and one line per check, each failure in the words
 * of the person who set the connection up. Never a secret.
 *
 * @param connection the connection's id
 * @param account    the account the connection acts as; null when Jira would not say
 * @param ok         whether every check passed
 */
public record ConnectionTestReport(String connection, Account account, boolean ok, List<Check> checks) {

    /** The Atlassian account the calls were made as. */
    public record Account(String accountId, String displayName) {
    }

    /**
     * @param name    what was checked ({@code account}, {@code tickets}, {@code default project}, …)
     * @param message what was found, or what is wrong and where to fix it
     */
    public record Check(String name, boolean ok, String message) {

        static Check passed(String name, String message) {
            return new Check(name, true, message);
        }

        static Check failed(String name, String message) {
            return new Check(name, false, message);
        }
    }

    static ConnectionTestReport of(String connection, Account account, List<Check> checks) {
        return new ConnectionTestReport(connection, account, checks.stream().allMatch(Check::ok), List.copyOf(checks));
    }

    /** For the audit log: the outcome and the names of the checks that failed (messages may quote Jira). */
    String summary() {
        if (ok) {
            return "ok: " + checks.stream().map(Check::name).collect(Collectors.joining(", "));
        }
        return "failed: " + checks.stream().filter(check -> !check.ok()).map(Check::name)
                .collect(Collectors.joining(", "));
    }
}
