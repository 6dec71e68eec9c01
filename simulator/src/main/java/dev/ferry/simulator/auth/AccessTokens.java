package dev.ferry.simulator.auth;

import java.util.List;
import java.util.Optional;

/** The OAuth 2.0 access tokens the authorization server issued: who and what scopes stand behind a valid one. */
@FunctionalInterface
public interface AccessTokens {

    AccessTokens NONE = token -> Optional.empty();

    Optional<Access> find(String accessToken);

    /** A valid access token's account and granted scopes. */
    record Access(String accountId, List<String> scopes) {
    }
}
