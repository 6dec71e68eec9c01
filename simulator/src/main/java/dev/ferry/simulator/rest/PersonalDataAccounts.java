package dev.ferry.simulator.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What Atlassian's personal data reporting API knows of the site's accounts: which a test closed, when a test
 * last changed one's profile, the cycle period it recommends, and every report an app made (to assert on).
 * An account is {@code updated} for a report whose {@code updatedAt} is older than its last change, as
 * Atlassian answers it; {@code closed} once closed, whatever the report says.
 */
public final class PersonalDataAccounts {

    /** Atlassian's limit: "Each request allows up to 90 accounts to be reported on." */
    public static final int MAX_ACCOUNTS = 90;

    private final Accounts accounts;
    private final Set<String> closed = new HashSet<>();
    private final Map<String, Instant> changedAt = new HashMap<>();
    private final List<List<String>> reports = new ArrayList<>();
    private Duration cyclePeriod = Duration.ofDays(7);

    PersonalDataAccounts(Accounts accounts) {
        this.accounts = accounts;
    }

    /**
     * The account's owner closed it: every later report answers {@code closed} for it, and Jira shows it as an
     * inactive "Former user" without an email from then on.
     */
    public synchronized void close(String accountId) {
        closed.add(accountId);
        if (accounts.find(accountId).isPresent()) {
            accounts.add(accountId, null, "Former user", accounts.find(accountId).get().accountType(), false);
        }
    }

    /** The account's profile changed at {@code when}: reports of older data answer {@code updated}. */
    public synchronized void changed(String accountId, Instant when) {
        changedAt.put(accountId, when);
    }

    /** The cycle period sent in the {@code Cycle-Period} header (seconds); 7 days at first. */
    public synchronized void cyclePeriod(Duration period) {
        cyclePeriod = period;
    }

    public synchronized Duration cyclePeriod() {
        return cyclePeriod;
    }

    /** The accountIds of each report accepted, in order. */
    public synchronized List<List<String>> reports() {
        return reports.stream().map(List::copyOf).toList();
    }

    /** Forgets closures, changes, reports and the cycle period. */
    public synchronized void clear() {
        closed.clear();
        changedAt.clear();
        reports.clear();
        cyclePeriod = Duration.ofDays(7);
    }

    synchronized boolean isClosed(String accountId) {
        return closed.contains(accountId);
    }

    /** Records an accepted report and answers each account's status, or empty when there is nothing to do. */
    synchronized Map<String, String> report(Map<String, Instant> accounts) {
        reports.add(List.copyOf(accounts.keySet()));
        Map<String, String> statuses = new LinkedHashMap<>();
        accounts.forEach((accountId, updatedAt) -> status(accountId, updatedAt)
                .ifPresent(status -> statuses.put(accountId, status)));
        return statuses;
    }

    private Optional<String> status(String accountId, Instant updatedAt) {
        if (closed.contains(accountId)) {
            return Optional.of("closed");
        }
        Instant changed = changedAt.get(accountId);
        return changed != null && changed.isAfter(updatedAt) ? Optional.of("updated") : Optional.empty();
    }
}
