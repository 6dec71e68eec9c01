package dev.ferry.activity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Why a range shows no activity: each cause that holds, in words that say what to do, and what Ferry found per
 * connection. {@code explained} is false when none holds (the activity is there; a filter excludes it).
 */
record Explanation(@JsonInclude(JsonInclude.Include.ALWAYS) String connection, Instant from, Instant to, boolean explained, List<Cause> causes,
        List<Facts> connections) {

    /**
     * @param cause {@code no_connection}, {@code no_people_mapped}, {@code person_not_mapped},
     *              {@code no_activity_in_range}, {@code no_projects_visible}, {@code no_spaces_visible},
     *              {@code visibility_unknown}
     * @param connection the connection it is about; null for the whole organization
     */
    record Cause(String cause, String connection, String message) {
    }

    /**
     * @param projects how many Jira projects the connection's account may browse; null when Jira was not asked
     * @param spaces   whether Confluence shows the account any space (1) or none (0); null without Confluence
     * @param lastReadAt when the schedule last read the connection; null if never
     */
    record Facts(String id, String site, String account, long peopleMapped, boolean activityInRange,
            Instant lastReadAt, String lastFetch, Integer projects, Integer spaces) {
    }
}
