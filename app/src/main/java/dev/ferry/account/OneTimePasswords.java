package dev.ferry.account;

import java.security.SecureRandom;

/** Random passwords handed out once (first admin, new people, resets); they must be changed at first sign-in. */
final class OneTimePasswords {

    // No 0/O, 1/l/I: the password is read off a screen or a log and typed.
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimePasswords() {
    }

    /** Twenty characters from 57: about 116 bits. */
    static String generate() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
