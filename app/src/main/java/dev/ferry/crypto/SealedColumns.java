package dev.ferry.crypto;

import java.util.List;

/**
 * Every column that holds {@link Sealed} values. A new one must be added here, or re-encryption leaves its values
 * on a retired key (SealedColumnsTest compares this list with the migrated schema's {@code *_ciphertext} columns).
 */
public final class SealedColumns {

    public static final List<SealedColumn> ALL = List.of(
            new SealedColumn("site", "shared_secret", "client_key", true),
            new SealedColumn("jira_connection", "token", "id", true),
            new SealedColumn("jira_connection", "confluence_token", "id", true),
            new SealedColumn("oauth_grant", "access", "id", false),
            new SealedColumn("oauth_grant", "refresh", "id", false),
            new SealedColumn("callback_endpoint", "secret", "id", false),
            new SealedColumn("audit_sink", "headers", "collector_id", false),
            new SealedColumn("forge_installation", "system_token", "installation_id", true));

    private SealedColumns() {
    }
}
