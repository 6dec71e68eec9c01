package dev.ferry.crypto;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the keyring once at start-up, so a missing or malformed key stops Ferry before it serves anything. Public
 * for the one-shot commands, which start this configuration without the rest of Ferry.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CryptoProperties.class, SecretReencryptionProperties.class})
public class CryptoConfig {

    @Bean
    SecretCipher secretCipher(CryptoProperties properties, Environment environment) {
        return new SecretCipher(KeyringLoader.load(properties, environment));
    }

    @Bean
    SecretReencryption secretReencryption(JdbcClient jdbc, TransactionTemplate transaction, SecretCipher cipher,
            SecretReencryptionProperties properties) {
        return new SecretReencryption(jdbc, transaction, cipher, SealedColumns.ALL, properties.batchSize());
    }
}
