package dev.ferry.web;

import dev.ferry.setting.PositiveSize;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits on what Ferry's web endpoints take in.
 *
 * @param maxBodySize        the largest request body accepted; larger ones get 413 before anything reads them
 * @param corsAllowedOrigins the browser origins (such as {@code https://app.example.com}) that may call the
 *                           product API cross-origin; none by default
 */
@Validated
@ConfigurationProperties("ferry.web")
record WebProperties(
        @DefaultValue("1000000B") @PositiveSize DataSize maxBodySize,
        @DefaultValue List<String> corsAllowedOrigins) {
}
