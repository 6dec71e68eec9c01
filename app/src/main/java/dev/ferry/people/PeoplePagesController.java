package dev.ferry.people;

import dev.ferry.connection.ConnectionView;
import dev.ferry.connection.Connections;
import dev.ferry.console.ConsolePage;
import dev.ferry.console.ConsoleView;
import dev.ferry.refusal.Refusal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's People page. Everyone signed in sees the directory and the unmapped actors; Admins and Managers
 * add, map, import and erase (the security chain refuses a Member's posts before they get here).
 */
@Controller
@ConsolePage(title = "People", nav = "people")
class PeoplePagesController {

    static final String PATH = "/admin/people";
    /** People shown on the page; the API pages through any number. */
    private static final int SHOWN = 200;

    private final People people;
    private final PersonErasure erasure;
    private final UnmappedActors unmapped;
    private final PeopleTransfer transfer;
    private final Connections connections;
    private final JiraUserDirectory jiraUsers;

    PeoplePagesController(People people, PersonErasure erasure, UnmappedActors unmapped, PeopleTransfer transfer,
            Connections connections, JiraUserDirectory jiraUsers) {
        this.jiraUsers = jiraUsers;
        this.people = people;
        this.erasure = erasure;
        this.unmapped = unmapped;
        this.transfer = transfer;
        this.connections = connections;
    }

    @GetMapping(PATH)
    ModelAndView page(dev.ferry.principal.Person viewer, @RequestParam(required = false) String connection) {
        return show(viewer, HttpStatus.OK, connection, null, "");
    }

    /** Adds a person, with one identity when one is given: the form the unmapped actors' "New person" fills too. */
    @PostMapping(PATH)
    ModelAndView add(dev.ferry.principal.Person viewer, RedirectAttributes redirect,
            @RequestParam(defaultValue = "") String externalId, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String connection, @RequestParam(defaultValue = "") String accountId,
            @RequestParam(defaultValue = "") String email) {
        try {
            boolean identity = !accountId.isBlank() || !email.isBlank();
            Person added = people.add(viewer.organizationId(), viewer.actor(), externalId, name,
                    identity ? List.of(IdentityInput.checked(connection, accountId, email)) : List.of());
            return ConsoleView.seeOther(redirect, back(connection), "Added " + added.name() + "." + states(added.identities()));
        } catch (Refusal refused) {
            return show(viewer, HttpStatus.BAD_REQUEST, connection, refused.getMessage(), "");
        }
    }

    /** Maps an unmapped actor in one step: to the person chosen, or to a new one named after the account. */
    @PostMapping(PATH + "/map")
    ModelAndView map(dev.ferry.principal.Person viewer, RedirectAttributes redirect,
            @RequestParam(defaultValue = "") String connection, @RequestParam(defaultValue = "") String accountId,
            @RequestParam(defaultValue = "") String person, @RequestParam(defaultValue = "") String externalId,
            @RequestParam(defaultValue = "") String name) {
        try {
            IdentityInput input = IdentityInput.checked(connection, accountId, null);
            if (person.isBlank()) {
                Person added = people.add(viewer.organizationId(), viewer.actor(), externalId, name, List.of(input));
                return ConsoleView.seeOther(redirect, back(connection), "Added " + added.name() + ", mapped to " + accountId + ".");
            }
            people.addIdentity(viewer.organizationId(), viewer.actor(), person, input);
            return ConsoleView.seeOther(redirect, back(connection), "Mapped " + accountId + " to "
                    + people.find(viewer.organizationId(), person).name() + ".");
        } catch (Refusal refused) {
            return show(viewer, HttpStatus.BAD_REQUEST, connection, refused.getMessage(), "");
        }
    }

    /** Lists the connection's users from Jira, so the actors show their names, types and whether they are active. */
    @PostMapping(PATH + "/jira-users/refresh")
    ModelAndView refresh(dev.ferry.principal.Person viewer, RedirectAttributes redirect,
            @RequestParam(defaultValue = "") String connection) {
        try {
            int listed = jiraUsers.refresh(viewer.organizationId(), connection);
            return ConsoleView.seeOther(redirect, back(connection), "Jira listed " + listed + " users.");
        } catch (Refusal refused) {
            return show(viewer, HttpStatus.BAD_GATEWAY, connection, refused.getMessage(), "");
        }
    }

    @PostMapping(PATH + "/{id}/identities/{identityId}/remove")
    ModelAndView unmap(dev.ferry.principal.Person viewer, RedirectAttributes redirect, @PathVariable String id,
            @PathVariable String identityId) {
        try {
            people.removeIdentity(viewer.organizationId(), viewer.actor(), id, identityId);
            return ConsoleView.seeOther(redirect, PATH, "Identity removed; its activities stay, unattributed.");
        } catch (Refusal refused) {
            return show(viewer, HttpStatus.NOT_FOUND, null, refused.getMessage(), "");
        }
    }

    @GetMapping(PATH + "/{id}/erase")
    ModelAndView confirmErase(dev.ferry.principal.Person viewer, @PathVariable String id) {
        try {
            Person person = people.find(viewer.organizationId(), id);
            return ConsoleView.page("person-erase", new PeoplePage.Erase(person.id(), person.name(), person.externalId(),
                    person.identities().size()));
        } catch (Refusal refused) {
            return show(viewer, HttpStatus.NOT_FOUND, null, refused.getMessage(), "");
        }
    }

    @PostMapping(PATH + "/{id}/erase")
    ModelAndView erase(dev.ferry.principal.Person viewer, RedirectAttributes redirect, @PathVariable String id) {
        try {
            PersonErasure.Erased erased = erasure.erase(viewer.organizationId(), viewer.actor(), id);
            return ConsoleView.seeOther(redirect, PATH, "Erased: " + erased.identities() + " identities, "
                    + erased.activities() + " activities, " + erased.jiraUsers() + " Jira user records.");
        } catch (Refusal refused) {
            return show(viewer, HttpStatus.NOT_FOUND, null, refused.getMessage(), "");
        }
    }

    @PostMapping(PATH + "/import")
    ModelAndView importCsv(dev.ferry.principal.Person viewer, RedirectAttributes redirect,
            @RequestParam(defaultValue = "") String csv) {
        try {
            PeopleTransfer.Imported imported = transfer.importCsv(viewer.organizationId(), viewer.actor(), csv);
            return ConsoleView.seeOther(redirect, PATH, "Imported: " + imported.added() + " people added, "
                    + imported.renamed() + " renamed, " + imported.identitiesMapped() + " identities mapped.");
        } catch (Refusal refused) {
            return show(viewer, HttpStatus.BAD_REQUEST, null, "Nothing was imported: " + refused.getMessage(), csv);
        }
    }

    @GetMapping(PATH + "/export.csv")
    ResponseEntity<String> export(dev.ferry.principal.Person viewer) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"people.csv\"")
                .body(transfer.export(viewer.organizationId()));
    }

    private ModelAndView show(dev.ferry.principal.Person viewer, HttpStatus status, String connection, String error,
            String csv) {
        String organization = viewer.organizationId();
        List<ConnectionView> all = connections.of(organization);
        Map<String, String> names = all.stream().collect(Collectors.toMap(ConnectionView::id, ConnectionView::name));
        String chosen = all.stream().map(ConnectionView::id).filter(id -> id.equals(connection)).findFirst()
                .orElse(all.isEmpty() ? null : all.get(0).id());
        List<PeoplePage.Row> rows = people.page(organization, SHOWN, 0).stream().map(p -> row(p, names::get)).toList();
        List<PeoplePage.ActorRow> actors = chosen == null ? List.of() : unmapped.page(organization, chosen, 50, 0).stream()
                .map(a -> new PeoplePage.ActorRow(a.accountId(), a.displayName() == null ? a.accountId() : a.displayName(),
                        a.accountType() == null ? "unknown" : a.accountType(),
                        a.active() == null ? "unknown" : a.active() ? "active" : "inactive", a.activities()))
                .toList();
        List<PeoplePage.ConnectionOption> options = all.stream()
                .map(c -> new PeoplePage.ConnectionOption(c.id(), c.name(), c.id().equals(chosen))).toList();
        return ConsoleView.page(status, "people", new PeoplePage(rows, rows.isEmpty(), options, options.isEmpty(), chosen,
                actors, actors.isEmpty(), rows, viewer.canManage(), error, csv));
    }

    private static PeoplePage.Row row(Person person, Function<String, String> connectionNames) {
        List<PeoplePage.IdentityRow> identities = person.identities().stream()
                .map(i -> new PeoplePage.IdentityRow(i.id(), person.id(),
                        connectionNames.apply(i.connection()) == null ? i.connection() : connectionNames.apply(i.connection()),
                        i.accountId(), i.email(), i.state().name(), i.state() == IdentityState.RESOLVED, i.note()))
                .toList();
        return new PeoplePage.Row(person.id(), person.externalId(), person.name(), identities, identities.isEmpty());
    }

    private static String states(List<Identity> identities) {
        return identities.stream().filter(i -> i.state() != IdentityState.RESOLVED).map(i -> " " + i.note() + ".")
                .collect(Collectors.joining());
    }

    private static String back(String connection) {
        return connection == null || connection.isBlank() ? PATH : PATH + "?connection=" + connection;
    }
}
