package dev.ferry.admin;

import dev.ferry.principal.ApiScope;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * The API keys page's view-model: every key of the organization by its public prefix only, the create
 * form, and a key's full text when it was just issued (shown in this answer only).
 */
record KeysPage(List<Row> keys, Form form, IssuedKey issued, String error) {

    /** The refusal of a key with no scope ticked: such a key could call nothing. */
    static final String NO_SCOPE = "Tick at least one scope: a key without scopes cannot call anything.";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** One key as people tell keys apart: name and prefix, never its secret. */
    record Row(String id, String name, String shownPrefix, String scopes, String created, String lastUsed,
            String revoked, boolean active) {

        static Row of(ApiKey key) {
            return new Row(key.getId(), key.name(), KeyMaterial.shown(key.prefix()), String.join(", ",
                    Scopes.values(key.scopes())), time(key.createdAt()), orElse(key.lastUsedAt(), "never"),
                    orElse(key.revokedAt(), "—"), !key.isRevoked());
        }
    }

    /** The create form as last sent: its name and which scope boxes are ticked. */
    record Form(String name, List<ScopeOption> scopes) {

        /** A fresh form with no scope ticked: a person grants each scope a key needs, and no more. */
        static Form blank() {
            return new Form("", Arrays.stream(ApiScope.values()).map(s -> new ScopeOption(s.value(), false)).toList());
        }

        static Form of(String name, List<String> ticked) {
            List<String> chosen = ticked == null ? List.of() : ticked;
            return new Form(name, Arrays.stream(ApiScope.values())
                    .map(s -> new ScopeOption(s.value(), chosen.contains(s.value()))).toList());
        }
    }

    /** A scope checkbox. */
    record ScopeOption(String value, boolean checked) {
    }

    static KeysPage of(List<ApiKey> keys, Form form, IssuedKey issued, String error) {
        return new KeysPage(keys.stream().map(Row::of).toList(), form, issued, error);
    }

    /** The service's refusal ("name must be …") as a sentence on the page. */
    static String sentence(String detail) {
        String text = detail == null || detail.isBlank() ? "The request was refused" : detail.strip();
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + (text.endsWith(".") ? "" : ".");
    }

    private static String time(Instant instant) {
        return TIME.format(instant);
    }

    private static String orElse(Instant instant, String none) {
        return instant == null ? none : time(instant);
    }
}
