package dev.ferry.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The text of an API key, {@code fy_<prefix>_<secret>}: an 8-character public prefix that lets people
 * tell keys apart in lists, and 32 random bytes in base64url that only the caller ever holds.
 */
record KeyMaterial(String prefix, String key) {

    static final String PREFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int PREFIX_LENGTH = 8;
    private static final int SECRET_BYTES = 32;
    private static final Pattern FORMAT = Pattern.compile("fy_[a-z0-9]{8}_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    static KeyMaterial generate() {
        StringBuilder prefix = new StringBuilder(PREFIX_LENGTH);
        for (int i = 0; i < PREFIX_LENGTH; i++) {
            prefix.append(PREFIX_ALPHABET.charAt(RANDOM.nextInt(PREFIX_ALPHABET.length())));
        }
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return new KeyMaterial(prefix.toString(),
                "fy_" + prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** Whether {@code text} has the shape of a key; anything else is refused without a lookup. */
    static boolean wellFormed(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }

    /**
     * The stored fingerprint of a key. A fast, unsalted SHA-256 is right here, unlike for passwords: the
     * secret is 256 random bits, so there is no dictionary to try and brute force is out of reach however
     * fast each guess is; a slow hash would only slow down every API call. No salt is needed for the same
     * reason, and its absence lets a call find its key by the hash alone.
     */
    static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    String hash() {
        return hash(key);
    }

    /** How a key is shown once its text is gone: {@code fy_<prefix>_…}. */
    static String shown(String prefix) {
        return "fy_" + prefix + "_…";
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "KeyMaterial[" + shown(prefix) + "]";
    }
}
