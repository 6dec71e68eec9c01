package dev.ferry.simulator.oauth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * {@code POST /oauth/token}: an authorization code or a refresh token for tokens, answered in Atlassian's
 * words. A used, rotated or revoked refresh token is a 403 {@code invalid_grant}, as Atlassian documents.
 */
final class TokenExchange {

    static final String UNKNOWN_REFRESH_TOKEN = "Unknown or invalid refresh token.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OAuthServer server;

    TokenExchange(OAuthServer server) {
        this.server = server;
    }

    Answer token(Map<String, String> params) {
        String grantType = params.get("grant_type");
        if (!"authorization_code".equals(grantType) && !"refresh_token".equals(grantType)) {
            return error(400, "unsupported_grant_type", "Unsupported grant type: " + grantType);
        }
        var client = server.client(params.get("client_id"))
                .filter(known -> known.secret().equals(params.get("client_secret")));
        if (client.isEmpty()) {
            return error(401, "access_denied", "Unauthorized");
        }
        if (grantType.equals("authorization_code")) {
            return server.redeem(params.get("code"), client.get(), params.get("redirect_uri"))
                    .map(grant -> tokens(server.tokens(grant)))
                    .orElseGet(() -> error(403, "invalid_grant", "Invalid authorization code"));
        }
        return server.refreshable(params.get("refresh_token"), client.get())
                .map(grant -> tokens(server.tokens(grant)))
                .orElseGet(() -> error(403, "invalid_grant", UNKNOWN_REFRESH_TOKEN));
    }

    private static Answer tokens(OAuthServer.TokenAnswer answer) {
        ObjectNode body = JSON.createObjectNode().put("access_token", answer.accessToken())
                .put("expires_in", answer.expiresIn()).put("token_type", "Bearer").put("scope", answer.scope());
        if (answer.refreshToken() != null) {
            body.put("refresh_token", answer.refreshToken());
        }
        return new Answer(200, body.toString());
    }

    private static Answer error(int status, String error, String description) {
        return new Answer(status, JSON.createObjectNode().put("error", error).put("error_description", description).toString());
    }

    /** A status and a JSON body. */
    record Answer(int status, String body) {
    }
}
