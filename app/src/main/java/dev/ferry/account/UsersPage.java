package dev.ferry.account;

import dev.ferry.console.Shown;
import dev.ferry.principal.Person;
import dev.ferry.principal.Role;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * The people page's view-model: everyone in the organization, the add form, and a one-time password
 * when one was just issued (shown in this answer only).
 */
record UsersPage(List<Row> people, List<RoleOption> roles, Accounts.Issued issued, String error, String newEmail) {

    /** A refusal of a service ("no destination d1") reads as a sentence on the page. */
    UsersPage {
        error = Shown.sentence(error);
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    /** One person; {@code you} marks the signed-in Admin's own row. */
    record Row(String id, String email, String roleLabel, String added, boolean you, List<RoleOption> roles) {
    }

    /** A choice of the role selects. */
    record RoleOption(String value, String label, boolean selected) {
    }

    static UsersPage of(List<Account> accounts, Person viewer, Accounts.Issued issued, String error, String newEmail) {
        List<Row> rows = accounts.stream().map(account -> new Row(account.getId(), account.email(),
                account.role().label(), DATE.format(account.createdAt()), account.getId().equals(viewer.userId()),
                options(account.role()))).toList();
        return new UsersPage(rows, options(Role.MEMBER), issued, error, newEmail);
    }

    private static List<RoleOption> options(Role selected) {
        return Arrays.stream(Role.values()).map(role -> new RoleOption(role.name(), role.label(), role == selected))
                .toList();
    }
}
