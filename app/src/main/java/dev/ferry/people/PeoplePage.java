package dev.ferry.people;

import java.util.List;

/**
 * The console's People page: the directory with each identity's state, the unmapped actors of one connection
 * with a one-step map, and the CSV import.
 *
 * @param canManage Admins and Managers change the directory; Members only see it
 */
record PeoplePage(List<Row> people, boolean noPeople, List<ConnectionOption> connections, boolean noConnections,
        String connection, List<ActorRow> actors, boolean noActors, List<Row> choices, boolean canManage, String error,
        String csv) {

    /** A person with their identities, as shown. */
    record Row(String id, String externalId, String name, List<IdentityRow> identities, boolean noIdentities) {
    }

    /**
     * @param resolved whether the identity maps an accountId; otherwise {@code note} says what to do
     */
    record IdentityRow(String id, String personId, String connectionName, String accountId, String email, String state,
            boolean resolved, String note) {
    }

    record ConnectionOption(String id, String name, boolean selected) {
    }

    record ActorRow(String accountId, String displayName, String accountType, String active, long activities) {
    }

    /** The erase confirmation. */
    record Erase(String id, String name, String externalId, int identities) {
    }
}
