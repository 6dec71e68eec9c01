package dev.ferry.webhook;

/** A delivery could not be committed; Jira is answered 503 and will retry it. */
class InboxUnavailableException extends RuntimeException {

    InboxUnavailableException(String message) {
        super(message);
    }
}
