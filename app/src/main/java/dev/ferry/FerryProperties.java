package dev.ferry;

import dev.ferry.setting.HttpUrl;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who Ferry is to Jira: the public base URL written into the descriptor and the app key.
 *
 * @param baseUrl the public base URL; signed installs must carry it as {@code aud}
 * @param appKey  the Connect app key, the {@code iss} of every token Ferry signs
 */
@Validated
@ConfigurationProperties("ferry")
public record FerryProperties(
        @DefaultValue("http://localhost:8080") @NotNull @HttpUrl URI baseUrl,
        @DefaultValue("ferry-for-jira") @Size(min = 1, max = 64) @Pattern(regexp = "[a-zA-Z0-9._-]+") String appKey) {

    /** The base URL without a trailing slash, the form Jira compares {@code aud} against. */
    public String baseUrlText() {
        String text = baseUrl.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** The path part of the base URL ("" or "/prefix"), stripped from request paths before hashing. */
    public String basePath() {
        String path = baseUrl.getRawPath();
        if (path == null || path.equals("/")) {
            return "";
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
