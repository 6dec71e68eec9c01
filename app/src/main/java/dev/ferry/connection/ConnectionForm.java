package dev.ferry.connection;

import dev.ferry.console.Shown;
import dev.ferry.refusal.BodyError;
import dev.ferry.refusal.InvalidBody;
import dev.ferry.refusal.Refusal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The fields of the console's API-token form as typed, to show them again when the form is refused. Tokens are
 * not among them: a refused form never sends a token back to the browser, the person pastes it again.
 *
 * @param error  why the form was refused as a whole (Jira refused the token, say), or null
 * @param errors why single fields were refused, each shown under its field
 */
record ConnectionForm(String siteUrl, String email, String route, String tokenExpiresOn, String defaultProject,
        String confluenceUrl, String confluenceEmail, String error, FieldErrors errors) {

    static final ConnectionForm EMPTY = new ConnectionForm("", "", "auto", "", "", "", "", null, FieldErrors.NONE);

    ConnectionForm {
        error = Shown.sentence(error);
    }

    /** The form of an API-token connection as stored, ready to edit. */
    static ConnectionForm of(TokenConnection stored) {
        return new ConnectionForm(stored.siteUrl().toString(), text(stored.email()), stored.route().value(),
                stored.tokenExpiresOn() == null ? "" : stored.tokenExpiresOn().toString(), text(stored.defaultProject()),
                stored.confluenceUrl() == null ? "" : stored.confluenceUrl().toString(), text(stored.confluenceEmail()),
                null, FieldErrors.NONE);
    }

    /** The same fields, refused: each field error under its field, anything else above the form. */
    ConnectionForm refused(Refusal refusal) {
        if (refusal instanceof InvalidBody invalid) {
            FieldErrors fields = FieldErrors.of(invalid.errors());
            return new ConnectionForm(siteUrl, email, route, tokenExpiresOn, defaultProject, confluenceUrl,
                    confluenceEmail, fields.unplaced(invalid.errors()), fields);
        }
        return new ConnectionForm(siteUrl, email, route, tokenExpiresOn, defaultProject, confluenceUrl, confluenceEmail,
                refusal.getMessage(), FieldErrors.NONE);
    }

    boolean refusedAtAll() {
        return error != null || errors.any();
    }

    /** The Confluence part stays open when something is typed in it or refused there. */
    boolean confluenceOpen() {
        return !confluenceUrl.isBlank() || !confluenceEmail.isBlank() || errors.confluenceUrl() != null
                || errors.confluenceEmail() != null || errors.confluenceToken() != null;
    }

    /** The route choices, the typed one selected. */
    List<Option> routes() {
        return List.of(new Option("auto", "Find out (the site first, then api.atlassian.com)", "auto".equals(route)),
                new Option("site", "The site itself (classic API token)", "site".equals(route)),
                new Option("gateway", "api.atlassian.com (scoped API token)", "gateway".equals(route)));
    }

    /** A date input's value ({@code 2027-03-31}); blank: none. A browser's date input sends no other form. */
    LocalDate expiryDate() {
        if (tokenExpiresOn == null || tokenExpiresOn.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(tokenExpiresOn.strip());
        } catch (DateTimeParseException e) {
            throw InvalidBody.of("/tokenExpiresOn", "the expiry date is a date like 2027-03-31");
        }
    }

    static String text(String value) {
        return value == null ? "" : value;
    }

    /** One choice of a select. */
    record Option(String value, String label, boolean selected) {
    }

    /** Per field, why it was refused; null where nothing is wrong. */
    record FieldErrors(String siteUrl, String email, String token, String route, String tokenExpiresOn,
            String defaultProject, String confluenceUrl, String confluenceEmail, String confluenceToken) {

        static final FieldErrors NONE = new FieldErrors(null, null, null, null, null, null, null, null, null);

        static FieldErrors of(List<BodyError> errors) {
            return new FieldErrors(at(errors, "/siteUrl"), at(errors, "/email"), at(errors, "/token"),
                    at(errors, "/route"), at(errors, "/tokenExpiresOn"), at(errors, "/defaultProject"),
                    at(errors, "/confluenceUrl"), at(errors, "/confluenceEmail"), at(errors, "/confluenceToken"));
        }

        boolean any() {
            return !equals(NONE);
        }

        /** The errors of no field on this form, as one sentence; null when every one has its place. */
        String unplaced(List<BodyError> errors) {
            List<String> rest = errors.stream().filter(e -> !POINTERS.contains(e.pointer())).map(BodyError::detail)
                    .toList();
            return rest.isEmpty() ? null : String.join("; ", rest);
        }

        private static final List<String> POINTERS = List.of("/siteUrl", "/email", "/token", "/route", "/tokenExpiresOn",
                "/defaultProject", "/confluenceUrl", "/confluenceEmail", "/confluenceToken");

        private static String at(List<BodyError> errors, String pointer) {
            List<String> details = errors.stream().filter(e -> e.pointer().equals(pointer)).map(BodyError::detail)
                    .toList();
            return details.isEmpty() ? null : Shown.sentence(String.join("; ", details));
        }
    }
}
