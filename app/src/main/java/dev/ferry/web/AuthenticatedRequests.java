package dev.ferry.web;

import dev.ferry.connect.VerifiedToken;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a request proved who sent it (an API key, a Connect token, an admin session), so a failure of
 * an anonymous one is never logged as Ferry's own error: anyone can send those, as often as they like.
 */
public final class AuthenticatedRequests {

    private static final String ATTRIBUTE = AuthenticatedRequests.class.getName();

    private AuthenticatedRequests() {
    }

    /** Called by an authentication step once the caller is known. */
    public static void mark(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, Boolean.TRUE);
    }

    static boolean isAuthenticated(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) != null || request.getAttribute(VerifiedToken.class.getName()) != null
                || request.getUserPrincipal() != null;
    }
}
