package dev.ferry.activity;

import java.util.List;

/**
 * A person of the product and the Atlassian accounts that are theirs, each on one connection: an account is
 * someone's only where it is mapped.
 */
record PersonRef(String id, String externalId, String name, List<Identity> identities) {

    /** An accountId mapped to the person on one connection. */
    record Identity(String connectionId, String accountId) {
    }
}
