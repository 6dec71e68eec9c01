package dev.ferry.audit;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An audit record in the words of the console: who by email or key name (never {@code user:} or an id where a
 * name is known), sites by address, destinations by project and site. The API keeps the raw record.
 */
final class AuditWords {

    private static final String API_KEY = "api-key:";
    private static final String USER = "user:";
    private static final String JIRA_USER = "jira:";

    private AuditWords() {
    }

    static String actor(String actor, AuditNames.Names names) {
        if (actor == null) {
            return "";
        }
        if (actor.startsWith(USER)) {
            return actor.substring(USER.length());
        }
        if (actor.startsWith(API_KEY)) {
            String id = actor.substring(API_KEY.length());
            String name = names.apiKeys().get(id);
            return name == null ? "API key " + id : "API key “" + name + "”";
        }
        if (actor.equals("jira")) {
            return "Jira";
        }
        if (actor.startsWith(JIRA_USER)) {
            return "Jira user " + actor.substring(JIRA_USER.length());
        }
        if (actor.equals("operator")) {
            return "Ferry's operator";
        }
        if (actor.startsWith("ferry:delivery")) {
            return "Ferry (ticket delivery)";
        }
        return actor;
    }

    static String target(String action, String target, AuditNames.Names names) {
        if (target == null) {
            return "";
        }
        if (action.startsWith("SITE_") || action.startsWith("CONNECTION_")) {
            return names.sites().getOrDefault(target, target);
        }
        if (action.startsWith("API_KEY_")) {
            String name = names.apiKeys().get(target);
            return name == null ? target : "“" + name + "”";
        }
        return withNames(target, names);
    }

    static String detail(String action, String detail, AuditNames.Names names) {
        if (detail == null) {
            return "";
        }
        if (action.startsWith("API_KEY_")) {
            return apiKeyDetail(detail);
        }
        return withNames(detail, names);
    }

    /** "name=Deploy scopes=events:write,events:read" as the console says it. */
    private static String apiKeyDetail(String detail) {
        int scopes = detail.indexOf(" scopes=");
        if (scopes < 0) {
            return detail.startsWith("name=") ? "" : detail;
        }
        return "Scopes: " + detail.substring(scopes + " scopes=".length()).replace(",", ", ");
    }

    /** Destination ids become "PROJ on site", clientKeys the site's address; only whole ids are replaced. */
    static String withNames(String text, AuditNames.Names names) {
        String named = replaceAll(text, names.destinations());
        named = replaceAll(named, names.sites());
        return named;
    }

    private static String replaceAll(String text, Map<String, String> names) {
        String result = text;
        for (Map.Entry<String, String> name : names.entrySet()) {
            if (!result.contains(name.getKey())) {
                continue;
            }
            Pattern whole = Pattern.compile("(?<![\\w-])" + Pattern.quote(name.getKey()) + "(?![\\w-])");
            result = whole.matcher(result).replaceAll(Matcher.quoteReplacement(name.getValue()));
        }
        return result;
    }
}
