package dev.ferry.connection;

import java.util.Optional;

/**
 * What connections need of the OAuth grants behind them; the oauth capability answers, so this room never
 * reaches into how grants are approved, stored or refreshed.
 */
public interface OAuthGrants {

    /** The grant's access token to call Jira with, refreshed first when it is about to expire; empty: no such grant. */
    Optional<String> accessToken(String grantId);

    /** Why the grant needs a reconnect (Atlassian refused its refresh token or it was revoked); empty while it works. */
    Optional<String> brokenReason(String grantId);

    /** The last connection using the grant was deleted (in this transaction): its tokens go too. */
    void forget(String grantId);
}
