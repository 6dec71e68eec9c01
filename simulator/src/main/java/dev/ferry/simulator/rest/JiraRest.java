package dev.ferry.simulator.rest;

import java.util.Map;

/** The REST surface of one simulated site: routes a call to its handler and writes Jira's answer. */
public final class JiraRest {

    private final Routes routes = new Routes();
    private final JiraData data;
    private final AppPropertyRoutes appProperties = new AppPropertyRoutes();

    public JiraRest(JiraData data, Adf adf) {
        this.data = data;
        new SearchRoutes(data).register(routes);
        new IssueRoutes(data, adf).register(routes);
        new IssuePartsRoutes(data, adf).register(routes);
        new MetaRoutes(data).register(routes);
        new ActivityRoutes(data).register(routes);
        new AuditRoutes(data).register(routes);
        new ConfluenceRoutes(data).register(routes);
        new PermissionRoutes(data).register(routes);
        new MyPermissionsRoutes(data).register(routes);
        new FieldRoutes(data).register(routes);
        new CreateScreenRoutes(data).register(routes);
        new LicenseRoutes(data).register(routes);
        new UserRoutes(data).register(routes);
        new ReportAccountsRoutes(data).register(routes);
        appProperties.register(routes);
    }

    /** Who answers Jira's reserved Connect clientKey property: (addonKey, caller accountId) → clientKey. */
    public void connectClientKeys(java.util.function.BiFunction<String, String, java.util.Optional<String>> lookup) {
        appProperties.connectClientKeys(lookup);
    }

    /** Serves one call of the site admin; {@code siteUrl} is the site's base URL for {@code self} links. */
    public Answer handle(String method, String rawPath, String rawQuery, String body, String siteUrl) {
        return handle(method, rawPath, rawQuery, body, siteUrl, Users.ADMIN_ACCOUNT_ID);
    }

    /** Serves one call authenticated as {@code callerAccountId}. */
    public Answer handle(String method, String rawPath, String rawQuery, String body, String siteUrl,
            String callerAccountId) {
        var match = routes.find(method, rawPath);
        if (match.isEmpty()) {
            Reply reply = routes.knowsPath(rawPath) ? Reply.error(405, "Method " + method + " is not allowed here.")
                    : Reply.error(404, "No resource at " + rawPath + " in the simulator.");
            return answer(reply);
        }
        Call call = new Call(method, rawPath, match.get().variables(), Call.parseQuery(rawQuery), Json.parse(body),
                body == null ? "" : body, siteUrl, callerAccountId);
        return answer(Users.answering(data.accounts(), () -> match.get().handler().apply(call)));
    }

    private static Answer answer(Reply reply) {
        return new Answer(reply.status(), reply.body() == null ? null : Json.write(reply.body()), reply.headers());
    }

    /** An answer ready for the wire: status, JSON text (or null) and extra headers. */
    public record Answer(int status, String json, Map<String, String> headers) {
    }
}
