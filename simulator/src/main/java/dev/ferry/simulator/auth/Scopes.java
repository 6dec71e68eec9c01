package dev.ferry.simulator.auth;

import java.util.List;

/**
 * The coarse scope check the gateway makes on an OAuth access token: a Jira call needs a Jira scope, a
 * Confluence call a Confluence scope, and a write a {@code write:} or {@code manage:} one. Finer rules
 * (which scope each operation names) are left to Atlassian's spec; this catches a token for the wrong
 * product or a read-only consent used to write.
 */
final class Scopes {

    /** Jira's words when an OAuth token's scopes do not cover the call. */
    static final String MISMATCH = "Unauthorized; scope does not match";

    private Scopes() {
    }

    /** Jira's license is site configuration: a work or user scope does not reach it (the spec names these two). */
    static final List<String> LICENSE_SCOPES = List.of("read:license:jira", "manage:jira-configuration");

    /** The audit log: the classic configuration scope, or both granular scopes the spec names together. */
    static final String AUDIT_PATH = "/rest/api/3/auditing/record";
    static final String AUDIT_CLASSIC = "manage:jira-configuration";
    static final List<String> AUDIT_GRANULAR = List.of("read:audit-log:jira", "read:user:jira");

    static boolean cover(List<String> scopes, String method, String sitePath) {
        if (sitePath.equals("/rest/api/3/instance/license")) {
            return scopes.stream().anyMatch(LICENSE_SCOPES::contains);
        }
        if (sitePath.equals(AUDIT_PATH)) {
            return scopes.contains(AUDIT_CLASSIC) || scopes.containsAll(AUDIT_GRANULAR);
        }
        String product = sitePath.startsWith("/wiki/") ? "confluence" : "jira";
        boolean write = !method.equals("GET") && !method.equals("HEAD");
        return scopes.stream().anyMatch(scope -> scope.contains(product)
                && (!write || scope.startsWith("write:") || scope.startsWith("manage:")));
    }
}
