package dev.ferry.start;

import java.util.List;

/** The console's home: the organization's three first steps, each ticked once its data shows it done. */
record HomePage(String organizationName, boolean allDone, List<Step> steps) {

    static final String OPENAPI_PATH = "/api/v1/openapi.json";

    /**
     * One step; {@code actionHref} null when the viewer's role cannot take it, {@code curl} only on the last
     * step (with the key placeholder it uses and the API's document).
     */
    record Step(int number, String key, String title, boolean done, String text, String actionHref, String actionLabel,
            String curl, String keyPlaceholder, String openApiPath) {
    }

    static HomePage of(String organizationName, FirstSteps.Progress progress, Viewer viewer, String curl) {
        return new HomePage(organizationName, progress.allDone(), List.of(site(progress, viewer),
                destination(progress, viewer), firstEvent(progress, viewer, curl)));
    }

    /** What the viewer's role lets them do. */
    record Viewer(boolean canManage, boolean isAdmin) {
    }

    private static Step site(FirstSteps.Progress progress, Viewer viewer) {
        String text = progress.siteLinked() ? "A Jira site is linked to your organization."
                : "Link the Jira Cloud site where tickets go. A Jira administrator of that site confirms the link."
                        + (viewer.canManage() ? "" : " Ask an Admin or a Manager of your organization to do it.");
        return new Step(1, "site", "Link a Jira site", progress.siteLinked(), text,
                viewer.canManage() ? "/admin/integrations/jira" : null, "Go to Jira sites", null, null, null);
    }

    private static Step destination(FirstSteps.Progress progress, Viewer viewer) {
        String text = progress.destinationAdded() ? "A destination is set: tickets are filed in its project."
                : "Choose the Jira project tickets are filed in; its rules say which events file tickets, and how."
                        + (viewer.canManage() ? "" : " Ask an Admin or a Manager of your organization to add one.");
        return new Step(2, "destination", "Add a destination", progress.destinationAdded(), text,
                viewer.canManage() ? "/admin/destinations" : null, "Go to Destinations", null, null, null);
    }

    private static Step firstEvent(FirstSteps.Progress progress, Viewer viewer, String curl) {
        String text;
        if (progress.eventReceived()) {
            text = "An event has arrived. Deliveries shows the ticket it became.";
        } else if (progress.keyCreated()) {
            text = "An API key exists; no event has arrived yet. Programs post events with a key that has the "
                    + "events:write scope.";
        } else {
            text = "Create an API key with the events:write scope: its text is shown once, so copy it then."
                    + (viewer.isAdmin() ? "" : " Only Admins create keys: ask one of yours.");
        }
        boolean done = progress.keyCreated() && progress.eventReceived();
        return new Step(3, "event", "Create an API key and send a first event", done, text,
                progress.eventReceived() ? "/admin/deliveries" : viewer.isAdmin() ? "/admin/api-keys" : null,
                progress.eventReceived() ? "Go to Deliveries" : "Go to API keys", curl, CurlExample.KEY_PLACEHOLDER,
                OPENAPI_PATH);
    }
}
