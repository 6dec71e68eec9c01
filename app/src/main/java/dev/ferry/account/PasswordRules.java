package dev.ferry.account;

import java.nio.charset.StandardCharsets;

/** What a password a person chooses must be. */
final class PasswordRules {

    static final int MIN_LENGTH = 12;
    // bcrypt reads only the first 72 bytes; a longer password would have an unchecked tail.
    static final int MAX_BYTES = 72;

    private PasswordRules() {
    }

    /** Refuses a password that is too short, too long or the email itself. */
    static void check(String password, String email) {
        Refusal.unless(password != null && password.codePointCount(0, password.length()) >= MIN_LENGTH,
                "The new password must be at least " + MIN_LENGTH + " characters long.");
        Refusal.unless(fits(password), "The new password must be at most " + MAX_BYTES + " bytes (72 plain letters).");
        Refusal.unless(!password.strip().equalsIgnoreCase(email.strip()), "The new password must not be your email.");
    }

    static boolean fits(String password) {
        return password != null && password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }
}
