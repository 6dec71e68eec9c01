package dev.ferry.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The text of API keys: shape, randomness and the stored hash. */
class KeyMaterialTest {

    @Test
    void aKeyIsFyThenItsPrefixThenAThirtyTwoByteSecret() {
        KeyMaterial material = KeyMaterial.generate();

        assertThat(material.key()).startsWith("fy_" + material.prefix() + "_").hasSize(3 + 8 + 1 + 43);
        assertThat(KeyMaterial.wellFormed(material.key())).isTrue();
    }

    @Test
    void everyKeyIsDifferent() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            keys.add(KeyMaterial.generate().key());
        }
        assertThat(keys).hasSize(1000);
    }

    @Test
    void theHashIsTheSha256HexOfTheWholeKey() {
        assertThat(KeyMaterial.hash("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void textsOfAnotherShapeAreNotKeys() {
        String key = KeyMaterial.generate().key();

        assertThat(KeyMaterial.wellFormed(null)).isFalse();
        assertThat(KeyMaterial.wellFormed("garbage")).isFalse();
        assertThat(KeyMaterial.wellFormed(key + "x")).isFalse();
        assertThat(KeyMaterial.wellFormed(key.replace("fy_", "fz_"))).isFalse();
    }

    @Test
    void theKeyIsNeverPrinted() {
        KeyMaterial material = KeyMaterial.generate();

        assertThat(material.toString()).doesNotContain(material.key().substring(12));
    }
}
