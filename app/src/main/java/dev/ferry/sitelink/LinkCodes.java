package dev.ferry.sitelink;

import dev.ferry.connect.Fingerprint;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * One-time codes a Jira administrator reads on the configure page and the product admin types into Ferry:
 * eight characters of an alphabet without look-alikes (no 0/O, 1/I/L), shown as {@code ABCD-EFGH}.
 */
final class LinkCodes {

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkCodes() {
    }

    static String generate() {
        StringBuilder code = new StringBuilder(LENGTH + 1);
        for (int i = 0; i < LENGTH; i++) {
            if (i == LENGTH / 2) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * Only this hash is stored. It is salted with the request id, so one code's hash says nothing about
     * another request's; a code lives minutes and five wrong tries cancel its request, which is what keeps
     * guessing out, not the hash.
     */
    static String hash(long requestId, String code) {
        return Fingerprint.of("site-link-code:" + requestId + ":" + normalize(code));
    }

    /** What people type: any case, with or without the dash or spaces. */
    static String normalize(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
