package dev.ferry.principal;

/** What a person may do in the admin UI; the server enforces it on every request. */
public enum Role {
    /** Everything, including the people of the organization. */
    ADMIN("Admin"),
    /** Manages integrations: sites, destinations, rules, test tickets. */
    MANAGER("Manager"),
    /** Sees integrations, links and logs, read-only. */
    MEMBER("Member");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The Spring Security authority this role grants ({@code ROLE_ADMIN} …). */
    public String authority() {
        return "ROLE_" + name();
    }
}
