package dev.ferry.people;

/** Where an identity stands: the states person_identity.state holds. */
public enum IdentityState {
    /** The accountId is known: the person's activities on the connection are theirs. */
    RESOLVED,
    /** The email has not been looked up yet (Jira could not be asked): give the accountId or add it again. */
    PENDING,
    /** The site hides its users' emails, so none can be found by email: the admin must give the accountId. */
    EMAIL_HIDDEN,
    /** No account on the site shows that email: a typo, or an account that keeps its email private. */
    EMAIL_UNKNOWN
}
