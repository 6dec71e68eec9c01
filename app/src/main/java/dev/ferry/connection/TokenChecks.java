package dev.ferry.connection;

import dev.ferry.refusal.BodyChecks;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** The fields of a token connection, checked the same way when it is added and when it is edited. */
final class TokenChecks {

    static final int MAX_TOKEN = 1024;
    static final int MAX_EMAIL = 320;
    /** Jira's project keys: a capital letter, then capitals, digits or underscores. */
    private static final Pattern PROJECT_KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private TokenChecks() {
    }

    /** The email as typed (Atlassian compares it case-sensitively), or null after noting why not. */
    static String email(BodyChecks checks, String pointer, String value) {
        String email = value == null ? "" : value.strip();
        boolean ok = checks.require(!email.isEmpty(), pointer, "the Atlassian account's email is required")
                && checks.require(email.length() <= MAX_EMAIL && EMAIL.matcher(email).matches(), pointer,
                        "an email address looks like name@example.com (one @, no spaces)");
        return ok ? email : null;
    }

    /** The token without the blanks a copy may bring around it, or null after noting why not. */
    static String token(BodyChecks checks, String pointer, String value) {
        String token = value == null ? "" : value.strip();
        boolean ok = checks.require(!token.isEmpty(), pointer, "the API token is empty: copy it whole from"
                + " id.atlassian.com → Security → API tokens")
                && checks.require(token.length() <= MAX_TOKEN && token.chars().noneMatch(Character::isWhitespace),
                        pointer, "an API token has no spaces or line breaks inside and is at most " + MAX_TOKEN
                                + " characters: copy it again");
        return ok ? token : null;
    }

    /** A project key, or null when none is given. */
    static String project(BodyChecks checks, String pointer, String value) {
        String key = value == null ? "" : value.strip();
        if (key.isEmpty()) {
            return null;
        }
        checks.require(PROJECT_KEY.matcher(key).matches(), pointer,
                "a Jira project key is capital letters, digits and underscores, starting with a letter (e.g. OPS)");
        return key;
    }

    /** Atlassian's API tokens last at most a year: a date in the past or past a year from now is a typo. */
    static LocalDate expiry(BodyChecks checks, String pointer, LocalDate value, LocalDate today) {
        if (value == null) {
            return null;
        }
        checks.require(!value.isBefore(today), pointer, "the expiry date " + value + " has passed: the token no longer"
                + " works; create a new one");
        checks.require(!value.isAfter(today.plusYears(1).plusDays(1)), pointer, "Atlassian's API tokens expire within"
                + " a year of their creation: " + value + " is later than that");
        return value;
    }

    static ApiRoute route(BodyChecks checks, String pointer, String value) {
        String route = value == null ? "auto" : value.strip().toLowerCase(java.util.Locale.ROOT);
        return switch (route) {
            case "", "auto" -> null;
            case "site" -> ApiRoute.SITE;
            case "gateway" -> ApiRoute.GATEWAY;
            default -> {
                checks.require(false, pointer, "route is auto, site (a classic API token) or gateway (a scoped API token)");
                yield null;
            }
        };
    }
}
