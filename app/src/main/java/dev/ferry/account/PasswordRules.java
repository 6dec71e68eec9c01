package dev.ferry.account;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** What a password a person chooses must be. */
final class PasswordRules {

    static final int MIN_LENGTH = 12;
    // bcrypt reads only the first 72 bytes; a longer password would have an unchecked tail.
    static final int MAX_BYTES = 72;
    private static final int LONGEST_REPEATED_BLOCK = 4;

    private PasswordRules() {
    }

    /** Refuses a password that is too short, too long, the email itself, a pattern or a common password. */
    static void check(String password, String email) {
        FormRefusal.unless(password != null && password.codePointCount(0, password.length()) >= MIN_LENGTH,
                "The new password must be at least " + MIN_LENGTH + " characters long.");
        FormRefusal.unless(fits(password), "The new password must be at most " + MAX_BYTES + " bytes (72 plain letters).");
        FormRefusal.unless(!password.strip().equalsIgnoreCase(email.strip()), "The new password must not be your email.");
        FormRefusal.unless(!repeats(password) && !isSequence(password.toLowerCase(Locale.ROOT)),
                "The new password is too easy to guess: it repeats a few characters or runs along a sequence "
                        + "(such as aaaa…, 1212…, 1234… or abcd…). Choose another.");
        FormRefusal.unless(!CommonPasswords.contains(password),
                "The new password is too easy to guess: it is one of the commonest passwords, perhaps with "
                        + "digits added. Choose another.");
    }

    static boolean fits(String password) {
        return password != null && password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    // "aaaaaaaaaaaa", "abababababab", "123412341234": one short block said over and over.
    private static boolean repeats(String password) {
        for (int block = 1; block <= LONGEST_REPEATED_BLOCK; block++) {
            if (repeatsEvery(password, block)) {
                return true;
            }
        }
        return false;
    }

    private static boolean repeatsEvery(String password, int block) {
        for (int i = block; i < password.length(); i++) {
            if (password.charAt(i) != password.charAt(i - block)) {
                return false;
            }
        }
        return true;
    }

    // "123456789012", "abcdefghijkl", "987654321098": each character one after (or before) the last.
    private static boolean isSequence(String lower) {
        return steps(lower, 1) || steps(lower, -1);
    }

    private static boolean steps(String lower, int step) {
        for (int i = 1; i < lower.length(); i++) {
            char before = lower.charAt(i - 1);
            char next = lower.charAt(i);
            boolean wraps = step > 0 ? before == '9' && next == '0' : before == '0' && next == '9';
            if (next - before != step && !wraps) {
                return false;
            }
        }
        return true;
    }
}
