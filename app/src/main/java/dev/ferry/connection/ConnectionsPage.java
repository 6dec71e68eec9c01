package dev.ferry.connection;

import java.util.List;

/**
 * The console's list of an organization's connections, every kind, with what is wrong with each; for Admins
 * and Managers also the form to add an API-token connection and "Connect with Atlassian".
 *
 * @param canManage Admins and Managers: forms, accounts and routes; Members see name, URL, kind and health only
 * @param warnings  the API tokens about to expire, said above everything
 * @param form      the add form, with what was typed when it was refused
 */
record ConnectionsPage(boolean canManage, List<Row> connections, List<Warning> warnings, ConnectionForm form,
        OAuthOption oauth) {

    boolean empty() {
        return connections.isEmpty();
    }

    /**
     * One connection.
     *
     * @param kind     the kind in words
     * @param health   the health in words ("Jira rejected the token")
     * @param account  who Ferry calls Jira as (email, display name); blank for a Member or an install
     * @param route    where the calls go, in words; blank for a Member
     */
    record Row(String id, String name, String siteUrl, String kind, String kindValue, String health,
            String healthState, boolean ok, String healthMessage, String expiryWarning, String account, String route) {
    }

    /** A token about to expire, by the connection it belongs to. */
    record Warning(String id, String name, String message) {
    }
}
