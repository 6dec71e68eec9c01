package dev.ferry.jira;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;

/**
 * Recognises Jira's 401 for a token whose times it refused. Jira checks app tokens with Atlassian's JWT
 * library, which words these refusals "Expired at … and time is now … (… leeway …)" and "Not-before time is
 * … and time is now …"; other servers say "JWT expired" or "token not yet valid". Such a 401 means the
 * signing node's clock is off, not that the secret was revoked.
 */
final class TokenTimeRefusals {

    private static final int MAX_TEXT = 4000;
    private static final List<String> TIME_WORDS = List.of("expired at", "time is now", "not-before", "not before",
            "nbf", "not yet valid", "in the future", "clock", "jwt expired", "token expired", "token has expired");

    private TokenTimeRefusals() {
    }

    /** Whether the answer's body or {@code WWW-Authenticate} challenge speaks of the token's times. */
    static boolean about(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body();
        String text = (body.length() > MAX_TEXT ? body.substring(0, MAX_TEXT) : body) + " "
                + String.join(" ", response.headers().allValues("WWW-Authenticate"));
        String lower = text.toLowerCase(Locale.ROOT);
        return TIME_WORDS.stream().anyMatch(lower::contains);
    }
}
