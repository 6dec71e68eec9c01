package dev.ferry.objectstate;

import java.time.Instant;

/**
 * One change the product posted for one of its objects.
 *
 * @param state the new state ({@link ChangeKind#STATE} only)
 * @param text  the note of a state change or the body of a comment; may be null for a state
 * @param by    who in the product made the change, as the product names them; may be null
 * @param actor the API key or console person that posted it, as the audit log names them
 */
record ObjectChange(long id, String organizationId, String objectType, String objectId, ChangeKind kind, String state,
        String text, String by, String actor, Instant createdAt) {
}
