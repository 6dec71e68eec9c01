package dev.ferry.simulator;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A call through the simulated API gateway (api.atlassian.com): {@code /ex/jira/{cloudId}/rest/...} or
 * {@code /ex/confluence/{cloudId}/wiki/...} under {@link #PREFIX}, which the gateway routes to the site with
 * that cloudId as the same REST call on the site URL.
 *
 * @param sitePath the path the call has on the site URL
 */
record GatewayPath(String cloudId, String sitePath) {

    /** Where the simulator plays api.atlassian.com on its own port; a path prefix keeps the hosts apart. */
    static final String PREFIX = "/api.atlassian.com";

    private static final Pattern EX = Pattern.compile("/ex/(jira|confluence)/([^/]+)(/.*)");

    static boolean isGateway(String path) {
        return path.startsWith(PREFIX + "/");
    }

    /** Empty when the path names no product API the gateway knows (a Jira path under confluence, say). */
    static Optional<GatewayPath> parse(String path) {
        Matcher matcher = EX.matcher(path.substring(PREFIX.length()));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String sitePath = matcher.group(3);
        boolean fits = matcher.group(1).equals("jira") ? sitePath.startsWith("/rest/") : sitePath.startsWith("/wiki/");
        return fits ? Optional.of(new GatewayPath(matcher.group(2), sitePath)) : Optional.empty();
    }
}
