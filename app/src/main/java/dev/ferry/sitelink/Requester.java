package dev.ferry.sitelink;

/**
 * Who asks to link a site, whether a person in the admin UI or an API key.
 *
 * @param actor the audit actor ({@code user:<id>}, {@code api-key:<id>})
 * @param name  what a Jira administrator is shown (an email address, or the API key's name)
 */
public record Requester(String organizationId, String actor, String name) {
}
