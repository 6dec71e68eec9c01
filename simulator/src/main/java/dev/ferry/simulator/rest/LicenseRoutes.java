package dev.ferry.simulator.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code GET /rest/api/3/instance/license}: the site's Jira applications, each on the plan the test set. */
final class LicenseRoutes {

    private final JiraData data;

    LicenseRoutes(JiraData data) {
        this.data = data;
    }

    void register(Routes routes) {
        routes.add("GET", "/rest/api/3/instance/license", this::license);
    }

    /** Jira Software and Jira Service Management, as a site with both shows them; both on the site's plan. */
    private Reply license(Call call) {
        ObjectNode license = Json.object();
        ArrayNode applications = license.putArray("applications");
        applications.addObject().put("id", "jira-servicedesk").put("plan", data.plan().equals("PAID") ? "UNLICENSED"
                : data.plan());
        applications.addObject().put("id", "jira-software").put("plan", data.plan());
        return Reply.ok(license);
    }
}
