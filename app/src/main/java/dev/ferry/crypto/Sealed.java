package dev.ferry.crypto;

/**
 * A secret as stored: AES-GCM ciphertext (base64, nonce first) and the id of the key that sealed it.
 *
 * @param keyId      which key of the keyring opens it
 * @param ciphertext base64 of nonce + ciphertext + tag
 */
public record Sealed(String keyId, String ciphertext) {

    @Override
    public String toString() {
        return "Sealed[keyId=" + keyId + "]";
    }
}
