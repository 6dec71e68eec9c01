package dev.ferry.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sealing and opening secrets with AES-GCM, bound to their row, across a key rotation. */
class SecretCipherTest {

    static final String OLD_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    static final String NEW_KEY = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";

    final SecretCipher cipher = new SecretCipher(new Keyring(DataKey.fromBase64(OLD_KEY), List.of()));

    @Test
    void aSealedSecretOpensToTheSameText() {
        Sealed sealed = cipher.seal("shared secret", "site:a");

        assertThat(sealed.ciphertext()).doesNotContain("shared secret");
        assertThat(cipher.open(sealed, "site:a")).isEqualTo("shared secret");
    }

    @Test
    void sealingTwiceGivesDifferentCiphertexts() {
        assertThat(cipher.seal("same", "c").ciphertext()).isNotEqualTo(cipher.seal("same", "c").ciphertext());
    }

    @Test
    void aCiphertextMovedToAnotherRowDoesNotOpen() {
        Sealed sealed = cipher.seal("shared secret", "site:a");

        assertThatThrownBy(() -> cipher.open(sealed, "site:b")).hasMessageContaining("could not be opened");
    }

    @Test
    void aTamperedCiphertextDoesNotOpen() {
        Sealed sealed = cipher.seal("shared secret", "site:a");
        char[] chars = sealed.ciphertext().toCharArray();
        chars[20] = chars[20] == 'A' ? 'B' : 'A';

        assertThatThrownBy(() -> cipher.open(new Sealed(sealed.keyId(), new String(chars)), "site:a"))
                .hasMessageContaining("could not be opened");
    }

    @Test
    void afterARotationOldValuesStillOpenAndNewOnesUseTheNewKey() {
        Sealed old = cipher.seal("before rotation", "c");
        var rotated = new SecretCipher(new Keyring(DataKey.fromBase64(NEW_KEY), List.of(DataKey.fromBase64(OLD_KEY))));

        assertThat(rotated.open(old, "c")).isEqualTo("before rotation");
        assertThat(rotated.needsRotation(old)).isTrue();
        Sealed resealed = rotated.seal("after rotation", "c");
        assertThat(resealed.keyId()).isNotEqualTo(old.keyId());
        assertThat(rotated.needsRotation(resealed)).isFalse();
    }

    @Test
    void aValueSealedWithAnUnknownKeyNamesTheMissingKey() {
        var other = new SecretCipher(new Keyring(DataKey.fromBase64(NEW_KEY), List.of()));
        Sealed sealed = cipher.seal("x", "c");

        assertThatThrownBy(() -> other.open(sealed, "c")).hasMessageContaining(sealed.keyId())
                .hasMessageContaining("ferry.retired-secret-keys");
    }

    @Test
    void aKeyOfTheWrongSizeIsRefused() {
        assertThatThrownBy(() -> DataKey.fromBase64("c2hvcnQ=")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> DataKey.fromBase64("not base64!")).hasMessageContaining("base64");
    }
}
