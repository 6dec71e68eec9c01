package dev.ferry.crypto;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the key that encrypts secrets at rest comes from.
 *
 * @param secretKey         base64 of 32 random bytes (env {@code FERRY_SECRET_KEY}); required with the prod profile
 * @param secretKeyFile     where a development key is created when {@code secretKey} is absent
 * @param retiredSecretKeys keys that only decrypt, so values sealed before a rotation stay readable
 */
@Validated
@ConfigurationProperties("ferry")
record CryptoProperties(
        String secretKey,
        @DefaultValue("./data/secret.key") @NotNull Path secretKeyFile,
        @DefaultValue List<String> retiredSecretKeys) {
}
