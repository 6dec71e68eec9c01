package dev.ferry.simulator.rest;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who holds which permission, as on a fresh developer site: the site admin holds every one; everyone else
 * (the member, an app's bot user, whoever a token names) uses Jira without editing others' issues or
 * administering anything. A test changes any of it per account.
 */
final class Grants {

    /** What a plain user of a software project may do there. */
    static final Set<String> USER = Set.of("USE", "USER_PICKER", "BROWSE_PROJECTS", "CREATE_ISSUES", "ADD_COMMENTS",
            "TRANSITION_ISSUES", "ASSIGN_ISSUES", "LINK_ISSUES");

    private final Map<String, Boolean> changed = new ConcurrentHashMap<>();

    void grant(String accountId, String permission, boolean holds) {
        changed.put(accountId + " " + permission, holds);
    }

    boolean holds(String accountId, String permission) {
        if (accountId == null) {
            return false;
        }
        Boolean set = changed.get(accountId + " " + permission);
        if (set != null) {
            return set;
        }
        return Users.isJiraAdmin(accountId) || USER.contains(permission);
    }
}
