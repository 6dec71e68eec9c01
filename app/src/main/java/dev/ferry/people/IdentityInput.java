package dev.ferry.people;

import dev.ferry.refusal.Refusal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An identity as asked for: a connection and an accountId, an email, or both (then the accountId maps and the
 * email is kept beside it). Checked before anything is stored or Jira is asked.
 */
record IdentityInput(String connection, String accountId, String email) {

    /** Atlassian accountIds: 24 hex digits, or {@code 557058:<uuid>}, or an app's {@code qm:…}; never spaces. */
    private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:_.\\-]{0,127}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

    /** The input stripped and checked: refused when it says nothing, or says it in a shape Jira never uses. */
    static IdentityInput checked(String connection, String accountId, String email) {
        String c = blankToNull(connection);
        String a = blankToNull(accountId);
        String e = blankToNull(email);
        Refusal.require(c != null, "an identity needs its connection: the id of one of the organization's connections");
        Refusal.require(a != null || e != null, "an identity needs an accountId or an email (or both)");
        Refusal.require(a == null || ACCOUNT_ID.matcher(a).matches(), "accountId " + quoted(a) + " is not an Atlassian"
                + " accountId (letters, digits, ':' and '-', at most 128, such as 557058:f1e2…): copy it from the"
                + " person's Jira profile URL");
        Refusal.require(e == null || (e.length() <= 320 && EMAIL.matcher(e).matches()),
                "email " + quoted(e) + " is not an email address");
        return new IdentityInput(c, a, e == null ? null : e.toLowerCase(Locale.ROOT));
    }

    private static String quoted(String text) {
        String shown = text == null ? "" : text.length() > 60 ? text.substring(0, 60) + "…" : text;
        return "\"" + shown + "\"";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
