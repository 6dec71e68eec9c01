package dev.ferry.account;

import java.io.Serializable;

/** What a session remembers of who signed in: only the account id; everything else is read per request. */
record SignedIn(String accountId) implements Serializable {
}
