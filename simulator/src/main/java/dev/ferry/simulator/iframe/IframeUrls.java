package dev.ferry.simulator.iframe;

import dev.ferry.simulator.app.Descriptor;
import dev.ferry.simulator.auth.Canonical;
import dev.ferry.simulator.auth.Tokens;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds iframe URLs the way Jira does: the module URL with its placeholders filled, the context
 * parameters Jira appends, and a {@code jwt} whose qsh covers every parameter but itself.
 */
public final class IframeUrls {

    static final long IFRAME_TOKEN_SECONDS = 180;
    /** Context tokens from {@code AP.context.getToken()} live fifteen minutes. */
    static final long CONTEXT_TOKEN_SECONDS = 900;

    private final Clock clock;

    public IframeUrls(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param siteUrl   the site's base URL, sent as {@code xdm_e}
     * @param accountId the viewing user, the token's {@code sub}
     */
    public String signed(Descriptor descriptor, String moduleKey, IssueContext context, String clientKey, String secret,
            String siteUrl, String accountId) {
        String template = descriptor.moduleUrl(moduleKey)
                .orElseThrow(() -> new IllegalArgumentException("the descriptor has no iframe module " + moduleKey));
        String url = descriptor.absolute(context.substitute(template));
        url += (url.contains("?") ? "&" : "?") + contextParameters(moduleKey, siteUrl, accountId);
        URI uri = URI.create(url);
        Map<String, Object> claims = claims(clientKey, accountId, IFRAME_TOKEN_SECONDS);
        claims.put("qsh", Canonical.qsh("GET", uri.getRawPath(), uri.getRawQuery(), URI.create(descriptor.baseUrl()).getRawPath()));
        return url + "&jwt=" + Tokens.hs256(claims, secret);
    }

    /** A token as {@code AP.context.getToken()} returns it: not bound to any request. */
    public String contextToken(IssueContext context, String clientKey, String secret, String accountId) {
        Map<String, Object> claims = claims(clientKey, accountId, CONTEXT_TOKEN_SECONDS);
        claims.put("qsh", "context-qsh");
        claims.put("context", Map.of("jira", Map.of("issue", Map.of("key", context.issueKey(), "id", context.issueId()),
                "project", Map.of("key", context.projectKey(), "id", context.projectId()))));
        return Tokens.hs256(claims, secret);
    }

    private Map<String, Object> claims(String clientKey, String accountId, long lifetime) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", clientKey);
        claims.put("sub", accountId);
        claims.put("iat", now);
        claims.put("exp", now + lifetime);
        return claims;
    }

    private static String contextParameters(String moduleKey, String siteUrl, String accountId) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("lic", "none");
        parameters.put("cp", "");
        parameters.put("xdm_e", siteUrl);
        parameters.put("xdm_c", "channel-" + moduleKey);
        parameters.put("cv", "1001.0.0-SNAPSHOT");
        parameters.put("tz", "Etc/UTC");
        parameters.put("loc", "en-US");
        parameters.put("user_id", accountId);
        parameters.put("user_key", accountId);
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.length() == 0 ? "" : "&").append(name).append('=').append(encode(value)));
        return query.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
