package dev.ferry.simulator.auth;

import java.util.List;
import java.util.Optional;

/** The OAuth 2.0 access tokens the authorization server issued: who and what scopes stand behind a valid one. */
@FunctionalInterface
public interface AccessTokens {

    AccessTokens NONE = token -> Optional.empty();

    Optional<Access> find(String accessToken);

    /**
     * A valid access token's account and granted scopes, and how the call is recorded ({@code RecordedCall.authKind()}):
     * {@code bearer} for an OAuth access token, {@code forge-system} or {@code forge-user} for a Forge app's token.
     */
    record Access(String accountId, List<String> scopes, String authKind) {

        public Access(String accountId, List<String> scopes) {
            this(accountId, scopes, "bearer");
        }
    }
}
