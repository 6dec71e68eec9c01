package dev.ferry.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals and opens secrets with AES-256-GCM. Each value is bound to a context string (for example the
 * table, column and row id) as associated data, so a ciphertext copied onto another row fails to open.
 */
public class SecretCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Keyring keyring;
    private final SecureRandom random = new SecureRandom();

    SecretCipher(Keyring keyring) {
        this.keyring = keyring;
    }

    public Sealed seal(String plaintext, String context) {
        DataKey key = keyring.current();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, key, nonce, context, plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] stored = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        return new Sealed(key.id(), Base64.getEncoder().encodeToString(stored));
    }

    public String open(Sealed sealed, String context) {
        DataKey key = keyring.find(sealed.keyId()).orElseThrow(() -> new IllegalStateException(
                "no key with id " + sealed.keyId() + " in the keyring; add it to ferry.retired-secret-keys"));
        byte[] stored = Base64.getDecoder().decode(sealed.ciphertext());
        byte[] nonce = java.util.Arrays.copyOf(stored, NONCE_BYTES);
        byte[] body = java.util.Arrays.copyOfRange(stored, NONCE_BYTES, stored.length);
        return new String(run(Cipher.DECRYPT_MODE, key, nonce, context, body), StandardCharsets.UTF_8);
    }

    /** The id of the key that seals, stored beside each value it seals. */
    public String currentKeyId() {
        return keyring.current().id();
    }

    /** True when the value was sealed with an older key and should be sealed again. */
    public boolean needsRotation(Sealed sealed) {
        return !sealed.keyId().equals(keyring.current().id());
    }

    private static byte[] run(int mode, DataKey key, byte[] nonce, String context, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key.key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("secret could not be " + (mode == Cipher.ENCRYPT_MODE ? "sealed" : "opened")
                    + " (wrong key or tampered value)", e);
        }
    }
}
