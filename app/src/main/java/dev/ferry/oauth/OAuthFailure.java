package dev.ferry.oauth;

/**
 * Atlassian's authorization server said no, in its own words ({@code error}, {@code error_description}), or
 * could not be reached (status 0). Never carries a token, a code or the client secret.
 */
class OAuthFailure extends RuntimeException {

    private final int status;
    private final String error;
    private final String description;

    OAuthFailure(int status, String error, String description) {
        super(status + " " + error + (description == null || description.isBlank() ? "" : ": " + description));
        this.status = status;
        this.error = error;
        this.description = description;
    }

    int status() {
        return status;
    }

    /** The grant is gone for good: a used, rotated or revoked refresh token. Only a new consent helps. */
    boolean grantLost() {
        return "invalid_grant".equals(error) || status == 401 && !"access_denied".equals(error);
    }

    /** Atlassian's words, as the page shows them. */
    String words() {
        return description == null || description.isBlank() ? error : error + ": " + description;
    }
}
