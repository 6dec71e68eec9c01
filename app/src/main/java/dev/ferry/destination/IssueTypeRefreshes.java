package dev.ferry.destination;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** What a refresh of a destination's issue types changed, in the words the audit log keeps. */
final class IssueTypeRefreshes {

    private IssueTypeRefreshes() {
    }

    /** Each rule's issue type id before a refresh, by event type. */
    static Map<String, String> idsOf(Destination destination) {
        Map<String, String> ids = new TreeMap<>();
        destination.rules().forEach((type, rule) -> ids.put(type, rule.issueTypeId()));
        return ids;
    }

    /**
     * "Bug for guardrail: 10002 -> 10007; Task for srm: unmapped -> 10001; state REFRESH_ISSUE_TYPES -> ACTIVE", or
     * "no change" when Jira's issue types were the same as before.
     */
    static String between(Map<String, String> before, String stateBefore, Destination after) {
        List<String> changes = new ArrayList<>();
        new TreeMap<>(after.rules()).forEach((type, rule) -> {
            String old = before.get(type);
            if (!Objects.equals(old, rule.issueTypeId())) {
                changes.add(rule.issueType() + " for " + type + ": " + shown(old) + " -> " + shown(rule.issueTypeId()));
            }
        });
        if (!stateBefore.equals(after.state().name())) {
            changes.add("state " + stateBefore + " -> " + after.state().name());
        }
        return changes.isEmpty() ? "no change" : String.join("; ", changes);
    }

    private static String shown(String issueTypeId) {
        return issueTypeId == null ? "unmapped" : issueTypeId;
    }
}
