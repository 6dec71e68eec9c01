package dev.ferry.simulator;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Audit record reads over HTTP with the site admin's API token, or another caller's authorization. */
final class AuditCalls {

    static final String PATH = "/rest/api/3/auditing/record";
    static final String ADMIN_EMAIL = "admin@simulated.example";
    static final String ADMIN_TOKEN = "admin-token";

    private AuditCalls() {
    }

    static void admitAdmin(JiraSimulator jira) {
        jira.credentials().addApiToken(ADMIN_EMAIL, ADMIN_TOKEN);
    }

    static String basic(String email, String token) {
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + token).getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> asAdmin(JiraSimulator jira, String query) throws IOException, InterruptedException {
        return as(jira, query, basic(ADMIN_EMAIL, ADMIN_TOKEN));
    }

    static HttpResponse<String> as(JiraSimulator jira, String query, String authorization)
            throws IOException, InterruptedException {
        return SiteRequests.send(jira, "GET", PATH + (query.isEmpty() ? "" : "?" + query), null, authorization);
    }
}
