package dev.ferry.simulator.auth;

import java.util.Optional;

/** The OAuth 2.0 access tokens the authorization server issued: the account behind one while it is valid. */
@FunctionalInterface
public interface AccessTokens {

    AccessTokens NONE = token -> Optional.empty();

    Optional<String> accountOf(String accessToken);
}
