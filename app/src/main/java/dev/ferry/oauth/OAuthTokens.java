package dev.ferry.oauth;

/**
 * What Atlassian's token endpoint hands out: an access token good for {@code expiresIn} seconds and, with
 * {@code offline_access}, the next refresh token (the one used stops working).
 */
record OAuthTokens(String accessToken, String refreshToken, long expiresIn, String scope) {

    @Override
    public String toString() {
        return "OAuthTokens[expiresIn=" + expiresIn + ", scope=" + scope + ", tokens hidden]";
    }
}
