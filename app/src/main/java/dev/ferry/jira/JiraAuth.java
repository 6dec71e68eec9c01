package dev.ferry.jira;

/**
 * How a call to Jira proves who makes it. The connection decides; nothing above the client knows which.
 * No kind prints its secret.
 */
public sealed interface JiraAuth {

    /** The installed Connect app: a JWT of the exact request, signed with the site's shared secret. */
    record ConnectApp(String sharedSecret) implements JiraAuth {
        @Override
        public String toString() {
            return "ConnectApp[secret hidden]";
        }
    }

    /**
     * An Atlassian account's API token, as HTTP Basic ({@code email:token}). A classic token calls the site
     * URL; a scoped token calls {@code api.atlassian.com/ex/jira/{cloudId}} with the same header.
     */
    record ApiToken(String email, String token) implements JiraAuth {
        @Override
        public String toString() {
            return "ApiToken[" + email + ", token hidden]";
        }
    }

    /** An OAuth 2.0 (3LO) access token, as {@code Authorization: Bearer}; calls go through api.atlassian.com. */
    record OAuthBearer(String accessToken) implements JiraAuth {
        @Override
        public String toString() {
            return "OAuthBearer[token hidden]";
        }
    }

    /**
     * A Forge installation's app system token (sent to the remote in {@code x-forge-oauth-system}), as
     * {@code Authorization: Bearer} against the invocation's {@code app.apiBaseUrl}. Null when Forge has not
     * handed Ferry a token that is still valid: the call then fails as UNAVAILABLE, to be retried once
     * Forge's next invocation (at the latest its scheduled trigger) brings a fresh one.
     *
     * @param connectSecret the shared secret of the same site's Connect install (Connect on Forge), null without
     *                      one: never sent to Jira here, only for the context tokens of Ferry's own Connect pages
     */
    record ForgeSystem(String systemToken, String connectSecret) implements JiraAuth {

        /** A Forge installation of a site with no Connect install. */
        public ForgeSystem(String systemToken) {
            this(systemToken, null);
        }

        @Override
        public String toString() {
            return systemToken == null ? "ForgeSystem[no valid token]" : "ForgeSystem[token hidden]";
        }
    }

    /** No credentials: for what Jira tells anyone, such as a site's cloudId at {@code /_edge/tenant_info}. */
    record Anonymous() implements JiraAuth {
    }
}
