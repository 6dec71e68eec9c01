package dev.ferry.connection;

import java.util.List;

/**
 * One connection in the console: its facts (never a secret, not even a hint of one), and for Admins and
 * Managers the edit form of an API-token connection, "Test connection", "Reconnect" for OAuth and "Delete".
 *
 * @param row       what the list shows of it
 * @param facts     what a Member may not see (account, route, Confluence, …): empty for a Member
 * @param form      the edit form of an API-token connection for Admins and Managers; null otherwise
 * @param oauth     the Reconnect option of an OAuth connection for Admins and Managers; null otherwise
 * @param testPath  where "Test connection" posts
 */
record ConnectionPage(boolean canManage, ConnectionsPage.Row row, List<Fact> facts, boolean appInstall,
        boolean reconnectNeeded, ConnectionForm form, boolean separateConfluenceToken, OAuthOption oauth,
        String testPath, String deletePath, String deleteLabel) {

    /** A fact of the connection, label and value. */
    record Fact(String label, String value) {
    }
}
