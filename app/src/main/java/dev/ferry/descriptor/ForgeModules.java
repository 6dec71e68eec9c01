package dev.ferry.descriptor;

import java.util.List;
import java.util.Optional;

/**
 * The small Forge table beside the Connect descriptor: for each Connect module, webhook event and lifecycle callback,
 * the native Forge counterpart that replaces it. Everything else in the manifest (names, routes, the property index)
 * is read from the descriptor, so this table and {@code atlassian-connect.json} are the one source of truth.
 */
public final class ForgeModules {

    /** The one Forge Remote that every endpoint points at: Ferry itself. */
    static final String REMOTE = "ferry";
    /** The endpoint the Custom UI front ends reach with {@code invokeRemote}; it has no route of its own. */
    static final String UI_ENDPOINT = "ferry-ui";
    /** The descriptor's glance icon, copied into each front-end build so the Forge modules can show it. */
    static final String ICON = "ferry-glance.svg";

    /** A Forge Remote endpoint on Ferry, and the trigger (if any) that POSTs Forge's events to it. */
    record Endpoint(String key, String route, List<String> events) {
    }

    /** A Connect UI module and the native Forge module that shows the same thing; resource is a front-end build. */
    record UiModule(String connectType, String connectKey, String forgeType, String forgeKey, String resource) {
    }

    /** A Connect webhook event and the Forge product event that carries the same news, if Forge has one. */
    record Event(String connect, String forge) {
    }

    /**
     * Ferry's Jira events. Forge has no event for an edited comment: Atlassian's own event-to-scope table (shipped in
     * {@code @forge/manifest}) lists only {@code avi:jira:commented:issue}, {@code avi:jira:deleted:comment} and
     * {@code avi:jira:mentioned:comment} for comments, so {@code comment_updated} reaches Ferry only over Connect.
     */
    static final List<Event> EVENTS = List.of(
            new Event("jira:issue_created", "avi:jira:created:issue"),
            new Event("jira:issue_updated", "avi:jira:updated:issue"),
            new Event("jira:issue_deleted", "avi:jira:deleted:issue"),
            new Event("comment_created", "avi:jira:commented:issue"),
            new Event("comment_updated", null),
            new Event("comment_deleted", "avi:jira:deleted:comment"),
            new Event("worklog_created", "avi:jira:created:worklog"),
            new Event("worklog_updated", "avi:jira:updated:worklog"),
            new Event("worklog_deleted", "avi:jira:deleted:worklog"));

    /**
     * Forge has no enabled/disabled events: a disabled Forge app is simply not invoked. Installed and upgraded are
     * life cycle events a trigger subscribes to; an uninstall has no event but Forge's {@code preUninstall} module
     * (non-blocking, 55 s, no user), hence no events on its endpoint.
     */
    static final List<Endpoint> LIFECYCLE = List.of(
            new Endpoint("lifecycle-installed", "/forge/lifecycle/installed", List.of("avi:forge:installed:app")),
            new Endpoint("lifecycle-upgraded", "/forge/lifecycle/upgraded", List.of("avi:forge:upgraded:app")),
            new Endpoint("lifecycle-uninstalled", "/forge/lifecycle/uninstalled", List.of()));

    /** The {@code preUninstall} module's key; it posts to the endpoint above that has no events. */
    static final String PRE_UNINSTALL = "ferry-pre-uninstall";

    static final String EVENTS_ENDPOINT = "jira-events";
    static final String EVENTS_ROUTE = "/forge/events";
    static final String TOKEN_ENDPOINT = "token-refresh";
    static final String TOKEN_ROUTE = "/forge/scheduled/token";
    /** The shortest interval Forge offers: each run brings Ferry a fresh system token. */
    static final String TOKEN_INTERVAL = "fiveMinute";

    /** The new issue view's panel is both Connect's right-hand web panel and its issue content (quick-add) button. */
    static final List<UiModule> UI = List.of(
            new UiModule("jiraIssueGlances", "ferry-linked-objects", "jira:issueGlance", "ferry-linked-objects", "issue"),
            new UiModule("webPanels", "ferry-issue-panel", "jira:issuePanel", "ferry-issue-panel", "issue"),
            new UiModule("jiraIssueContents", "ferry-issue-content", "jira:issuePanel", "ferry-issue-panel", "issue"),
            new UiModule("configurePage", "ferry-configure", "jira:adminPage", "ferry-configure", "configure"));

    private ForgeModules() {
    }

    /** The Connect webhook event Ferry already processes for a Forge event, e.g. for {@code avi:jira:created:issue}. */
    public static Optional<String> connectEventFor(String forgeEvent) {
        return EVENTS.stream().filter(event -> forgeEvent.equals(event.forge())).map(Event::connect).findFirst();
    }

    /** The Forge event that replaces a Connect webhook event, empty where Forge has none. */
    public static Optional<String> forgeEventFor(String connectEvent) {
        return EVENTS.stream().filter(event -> event.connect().equals(connectEvent))
                .map(Event::forge).filter(forge -> forge != null).findFirst();
    }
}
