package dev.ferry.console;

import dev.ferry.principal.Person;
import java.util.List;
import java.util.Set;

/**
 * The console's sections, in menu order; API keys, console users and settings only for Admins, the integration
 * configuration (connections, destinations) for Admins and Managers. The server refuses the same pages.
 */
final class Nav {

    static final String USERS = "users";
    static final String API_KEYS = "api-keys";
    static final String CALLBACKS = "callbacks";
    static final String SETTINGS = "settings";
    private static final Set<String> ADMIN_ONLY = Set.of(USERS, API_KEYS, SETTINGS);
    /** Configuration Admins and Managers change; Members do not see it. */
    private static final Set<String> MANAGERS_ONLY = Set.of("connections", "destinations", CALLBACKS, "audit-collectors");

    /** A section: its key, its label and where it lives. */
    record Section(String key, String label, String href) {
    }

    static final List<Section> SECTIONS = List.of(
            new Section("home", "Home", "/admin"),
            new Section("integrations", "Jira sites", "/admin/integrations/jira"),
            new Section("connections", "Connections", "/admin/connections"),
            new Section(CALLBACKS, "Callbacks", "/admin/callbacks"),
            new Section("destinations", "Destinations", "/admin/destinations"),
            new Section("deliveries", "Deliveries", "/admin/deliveries"),
            new Section("links", "Linked tickets", "/admin/links"),
            new Section("data-sources", "Data sources", "/admin/data-sources"),
            new Section("activities", "Activities", "/admin/activities"),
            new Section("audit-collectors", "Audit collectors", "/admin/audit-collectors"),
            new Section("people", "People", "/admin/people"),
            new Section("audit", "Audit log", "/admin/audit"),
            new Section(API_KEYS, "API keys", "/admin/api-keys"),
            new Section(USERS, "Users", "/admin/users"),
            new Section(SETTINGS, "Settings", "/admin/settings"));

    private Nav() {
    }

    static List<NavItem> itemsFor(Person person, String activeKey) {
        return SECTIONS.stream()
                .filter(section -> !ADMIN_ONLY.contains(section.key()) || person.isAdmin())
                .filter(section -> !MANAGERS_ONLY.contains(section.key()) || person.canManage())
                .map(section -> new NavItem(section.key(), section.label(), section.href(), section.key().equals(activeKey)))
                .toList();
    }
}
