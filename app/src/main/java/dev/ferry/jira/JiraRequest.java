package dev.ferry.jira;

import java.net.URI;

/**
 * One call to send: the exact URI that is signed, a JSON body or none, and whether sending it twice is
 * harmless. A create or a comment is not: after a 5xx or a lost answer Jira may have done it already.
 */
record JiraRequest(String method, URI uri, String body, boolean repeatable) {

    static JiraRequest get(URI uri) {
        return new JiraRequest("GET", uri, null, true);
    }

    static JiraRequest put(URI uri, String body) {
        return new JiraRequest("PUT", uri, body, true);
    }

    static JiraRequest delete(URI uri) {
        return new JiraRequest("DELETE", uri, null, true);
    }

    /** A POST that reads or overwrites (search, a remote link by globalId): safe to send again. */
    static JiraRequest idempotentPost(URI uri, String body) {
        return new JiraRequest("POST", uri, body, true);
    }

    /** A POST that makes something new each time it succeeds (an issue, a comment). */
    static JiraRequest creatingPost(URI uri, String body) {
        return new JiraRequest("POST", uri, body, false);
    }

    /** {@code POST /path}, for messages: never the query, which may carry JQL. */
    String describe() {
        return method + " " + uri.getRawPath();
    }
}
