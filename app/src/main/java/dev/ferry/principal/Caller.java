package dev.ferry.principal;

/**
 * Who is acting on an organization's integration: an API key ({@link ApiCaller}) or a person in the admin
 * UI. Services take this, so the product API and the admin pages share one copy of every rule.
 */
public interface Caller {

    /** The organization whose data the call may see and change. */
    String organizationId();

    /** Who it is, as the audit log records it (never a secret). */
    String actor();
}
