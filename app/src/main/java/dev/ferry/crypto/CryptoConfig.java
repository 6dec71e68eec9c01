package dev.ferry.crypto;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Loads the keyring once at start-up, so a missing or malformed key stops Ferry before it serves anything. */
@Configuration(proxyBeanMethods = false)
class CryptoConfig {

    @Bean
    SecretCipher secretCipher(CryptoProperties properties, Environment environment) {
        return new SecretCipher(KeyringLoader.load(properties, environment));
    }
}
