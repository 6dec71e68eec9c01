package dev.ferry.url;

/** What a person typed is not a Jira Cloud site URL; the message says so and shows the expected form. */
public class InvalidSiteUrlException extends IllegalArgumentException {

    public InvalidSiteUrlException(String message) {
        super(message);
    }
}
