package dev.ferry.connection;

import java.util.List;

/**
 * "Connect with Atlassian" as the console offers it: a form posting to the OAuth start route, or, while the
 * OAuth app's settings are missing, a disabled button naming what to set.
 *
 * @param startPath  where the button posts ({@code connection} names the one to reconnect)
 * @param settings   the settings to set before it works, as environment variables
 */
record OAuthOption(boolean configured, String startPath, List<String> settings) {

    /** Spring Boot binds {@code ferry.oauth.client-id} from {@code FERRY_OAUTH_CLIENT_ID} (or {@code …CLIENTID}). */
    static final List<String> SETTINGS = List.of("FERRY_OAUTH_CLIENT_ID", "FERRY_OAUTH_CLIENT_SECRET",
            "FERRY_OAUTH_REDIRECT_URI");

    static OAuthOption of(OAuthProperties properties, String startPath) {
        return new OAuthOption(properties.configured(), startPath, SETTINGS);
    }
}
