package dev.ferry.connection;

import dev.ferry.setting.HttpUrl;
import dev.ferry.setting.PositiveDuration;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * "Connect with Atlassian" (OAuth 2.0 3LO). Without a client id, secret and redirect URI the option is shown
 * disabled, saying what to set.
 *
 * @param authUrl      Atlassian's authorization server ({@code {authUrl}/authorize}, {@code {authUrl}/oauth/token})
 * @param clientId     the OAuth 2.0 app's client id (developer console)
 * @param clientSecret the app's client secret; never shown, never logged
 * @param redirectUri  the callback URL registered for the app: Ferry's {@code /admin/connections/oauth/callback}
 * @param scopes       scopes asked for, space separated; {@code offline_access} is what brings a refresh token
 * @param refreshEvery how often the refresh worker looks for tokens about to expire
 * @param refreshWithin a token expiring within this is refreshed by the worker
 */
@Validated
@ConfigurationProperties("ferry.oauth")
public record OAuthProperties(
        @DefaultValue("https://auth.atlassian.com") @NotNull @HttpUrl URI authUrl,
        @DefaultValue("") String clientId,
        @DefaultValue("") String clientSecret,
        @DefaultValue("") @HttpUrl String redirectUri,
        @DefaultValue("read:jira-work write:jira-work read:jira-user offline_access") String scopes,
        @DefaultValue("30m") @PositiveDuration Duration refreshEvery,
        @DefaultValue("60m") @PositiveDuration Duration refreshWithin) {

    /** True when the client id, secret and redirect URI are all set. */
    public boolean configured() {
        return !clientId.isBlank() && !clientSecret.isBlank() && !redirectUri.isBlank();
    }

    @Override
    public String toString() {
        return "OAuthProperties[authUrl=" + authUrl + ", clientId=" + clientId + ", secret hidden]";
    }
}
