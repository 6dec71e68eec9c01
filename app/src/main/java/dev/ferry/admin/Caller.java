package dev.ferry.admin;

/**
 * Who is acting on an organization's integration: an API key ({@link ApiCaller}) or a person in the admin
 * UI. Services take this, so the product API and the admin pages share one copy of every rule.
 */
public interface Caller {

    /** The organization whose data the call may see and change. */
    String organizationId();

    /** Who it is, as the audit log records it (never a secret). */
    String actor();

    /** A caller known by its organization and audit name, for callers that are not API keys. */
    static Caller of(String organizationId, String actor) {
        return new Named(organizationId, actor);
    }

    /** A plain caller. */
    record Named(String organizationId, String actor) implements Caller {
    }
}
