package dev.ferry.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** One 256-bit AES key and its public id (a hash prefix, so the id reveals nothing about the key). */
record DataKey(String id, SecretKey key) {

    static DataKey fromBase64(String encoded) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded.trim());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("ferry.secret-key must be base64 of 32 random bytes (try: openssl rand -base64 32)");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("ferry.secret-key must decode to 32 bytes, not " + bytes.length);
        }
        return new DataKey(idOf(bytes), new SecretKeySpec(bytes, "AES"));
    }

    private static String idOf(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("ferry-key-id:".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(key), 0, 6);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public String toString() {
        return "DataKey[" + id + "]";
    }
}
