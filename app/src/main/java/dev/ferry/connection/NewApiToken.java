package dev.ferry.connection;

import java.time.LocalDate;

/**
 * What an admin gives to connect a site with an API token.
 *
 * @param siteUrl         the Jira Cloud site, {@code https://your-domain.atlassian.net}
 * @param email           the Atlassian account's email, exactly as the account has it
 * @param token           the API token (id.atlassian.com → Security → API tokens); write-only
 * @param route           {@code auto} (default: the site first, then api.atlassian.com for a scoped token),
 *                        {@code site} or {@code gateway}
 * @param tokenExpiresOn  the token's expiry date (Atlassian's tokens last at most a year), to be warned before
 * @param confluenceUrl   Confluence's URL when it is not {@code {site}/wiki}
 * @param confluenceEmail Confluence's account email when it is not the Jira one
 * @param confluenceToken Confluence's own API token when it is not the Jira one; write-only
 * @param defaultProject  the project key tickets go to unless one is named
 */
public record NewApiToken(String siteUrl, String email, String token, String route, LocalDate tokenExpiresOn,
        String confluenceUrl, String confluenceEmail, String confluenceToken, String defaultProject) {

    @Override
    public String toString() {
        return "NewApiToken[" + siteUrl + ", " + email + ", token hidden]";
    }
}
