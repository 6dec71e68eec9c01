package dev.ferry.account;

import java.io.Serializable;
import java.security.Principal;

/**
 * What a session remembers of who signed in: only the account id; everything else is read per request.
 * The id is also the principal name Spring Session indexes, so a person's sessions can be found and ended.
 */
record SignedIn(String accountId) implements Serializable, Principal {

    @Override
    public String getName() {
        return accountId;
    }
}
