package dev.ferry.jira;

import java.net.URI;

/**
 * A site Ferry can call as the app: where it is and the secret that signs the calls.
 *
 * @param baseUrl the site's base URL from its install ({@code https://name.atlassian.net})
 */
public record JiraSite(String clientKey, URI baseUrl, String sharedSecret) {

    @Override
    public String toString() {
        return "JiraSite[" + clientKey + ", " + baseUrl + "]";
    }
}
