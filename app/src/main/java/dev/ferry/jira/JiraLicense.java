package dev.ferry.jira;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@code GET /rest/api/3/instance/license} says of a site: each Jira application and its plan
 * ({@code FREE}, {@code PAID} or {@code UNLICENSED}).
 */
public record JiraLicense(List<Application> applications) {

    /** One licensed application, such as {@code jira-software}, and its plan. */
    public record Application(String id, String plan) {
    }

    /**
     * On Jira's Free plan: some application is {@code FREE} and none is {@code PAID}. A site that pays for any
     * Jira application has the paid plan's permissions and audit log, which is what the Free plan lacks.
     */
    public boolean free() {
        return applications.stream().anyMatch(app -> "FREE".equals(app.plan()))
                && applications.stream().noneMatch(app -> "PAID".equals(app.plan()));
    }

    /** "jira-software FREE, jira-servicedesk UNLICENSED", as people read it. */
    public String describe() {
        return applications.isEmpty() ? "no applications"
                : applications.stream().map(app -> app.id() + " " + app.plan()).collect(Collectors.joining(", "));
    }
}
