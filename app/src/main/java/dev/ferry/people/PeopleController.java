package dev.ferry.people;

import dev.ferry.connection.Connections;
import dev.ferry.principal.ApiCaller;
import dev.ferry.principal.ApiScope;
import dev.ferry.principal.RequiresScope;
import dev.ferry.refusal.Refusal;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The people directory over the product API: the product's people and their Atlassian identities per connection,
 * the actors not mapped yet, the mapping as CSV, and erasure on request.
 */
@RestController
class PeopleController {

    private final People people;
    private final PersonErasure erasure;
    private final UnmappedActors unmapped;
    private final PeopleTransfer transfer;
    private final JiraUserDirectory jiraUsers;
    private final Connections connections;

    PeopleController(People people, PersonErasure erasure, UnmappedActors unmapped, PeopleTransfer transfer,
            JiraUserDirectory jiraUsers, Connections connections) {
        this.people = people;
        this.erasure = erasure;
        this.unmapped = unmapped;
        this.transfer = transfer;
        this.jiraUsers = jiraUsers;
        this.connections = connections;
    }

    @GetMapping("/api/v1/people")
    @RequiresScope(ApiScope.PEOPLE_READ)
    PeoplePage list(ApiCaller caller, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String offset) {
        Paging paging = Paging.parse(limit, offset);
        return new PeoplePage(people.page(caller.organizationId(), paging.limit(), paging.offset()), paging.limit(),
                paging.offset());
    }

    /**
     * Adds a person. An email without an accountId is looked up in Jira at once; when Jira finds nobody the
     * identity is kept with its state (EMAIL_HIDDEN, EMAIL_UNKNOWN) and a note saying what to do, and the answer
     * is still 201: the admin sees the person and what is missing in one place.
     */
    @PostMapping("/api/v1/people")
    @RequiresScope(ApiScope.PEOPLE_WRITE)
    ResponseEntity<Person> add(ApiCaller caller, @RequestBody NewPerson body) {
        Person person = people.add(caller.organizationId(), caller.actor(), body.externalId(), body.name(),
                body.identities() == null ? List.of() : body.identities().stream().map(NewIdentity::checked).toList());
        return ResponseEntity.created(URI.create("/api/v1/people/" + person.id())).body(person);
    }

    @GetMapping("/api/v1/people/{id}")
    @RequiresScope(ApiScope.PEOPLE_READ)
    Person get(ApiCaller caller, @PathVariable String id) {
        return people.find(caller.organizationId(), id);
    }

    @PatchMapping("/api/v1/people/{id}")
    @RequiresScope(ApiScope.PEOPLE_WRITE)
    Person edit(ApiCaller caller, @PathVariable String id, @RequestBody PersonChanges body) {
        return people.edit(caller.organizationId(), caller.actor(), id, body.externalId(), body.name());
    }

    /**
     * Removes the person and their mapping (204); their activities stay, unattributed. With {@code erase=true}
     * their activities and the names kept for their accounts go too, and the answer (200) counts what went.
     */
    @DeleteMapping("/api/v1/people/{id}")
    @RequiresScope(ApiScope.PEOPLE_WRITE)
    ResponseEntity<PersonErasure.Erased> delete(ApiCaller caller, @PathVariable String id,
            @RequestParam(required = false) String erase) {
        Refusal.require(erase == null || erase.equals("true") || erase.equals("false"), "erase is true or false");
        if ("true".equals(erase)) {
            return ResponseEntity.ok(erasure.erase(caller.organizationId(), caller.actor(), id));
        }
        people.remove(caller.organizationId(), caller.actor(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/people/{id}/identities")
    @RequiresScope(ApiScope.PEOPLE_WRITE)
    ResponseEntity<Identity> addIdentity(ApiCaller caller, @PathVariable String id, @RequestBody NewIdentity body) {
        Identity identity = people.addIdentity(caller.organizationId(), caller.actor(), id, body.checked());
        return ResponseEntity.created(URI.create("/api/v1/people/" + id)).body(identity);
    }

    @DeleteMapping("/api/v1/people/{id}/identities/{identityId}")
    @RequiresScope(ApiScope.PEOPLE_WRITE)
    ResponseEntity<Void> removeIdentity(ApiCaller caller, @PathVariable String id, @PathVariable String identityId) {
        people.removeIdentity(caller.organizationId(), caller.actor(), id, identityId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/people/unmapped")
    @RequiresScope(ApiScope.PEOPLE_READ)
    UnmappedPage unmapped(ApiCaller caller, @RequestParam(required = false) String connection,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String offset) {
        Refusal.require(connection != null && !connection.isBlank(), "connection is required: the connection whose actors to list");
        connections.find(caller.organizationId(), connection);
        Paging paging = Paging.parse(limit, offset);
        return new UnmappedPage(unmapped.page(caller.organizationId(), connection, paging.limit(), paging.offset()),
                paging.limit(), paging.offset());
    }

    @GetMapping(path = "/api/v1/people/export.csv", produces = "text/csv")
    @RequiresScope(ApiScope.PEOPLE_READ)
    ResponseEntity<String> export(ApiCaller caller) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"people.csv\"")
                .body(transfer.export(caller.organizationId()));
    }

    /**
     * Takes any content type at the mapping and checks it here: a mapping that declared {@code text/csv} would
     * answer 415 before the scope check, telling a caller without the scope how the call is shaped.
     */
    @PostMapping("/api/v1/people/import")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "text/csv",
            schema = @Schema(type = "string")))
    @RequiresScope(ApiScope.PEOPLE_WRITE)
    PeopleTransfer.Imported importCsv(ApiCaller caller, HttpServletRequest request) throws IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        Refusal.require(type.startsWith("text/csv") || type.startsWith("text/plain"),
                "send the file as text/csv (Content-Type: text/csv), not " + (type.isEmpty() ? "without a type" : type));
        String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return transfer.importCsv(caller.organizationId(), caller.actor(), body);
    }

    @GetMapping("/api/v1/connections/{id}/jira-users")
    @RequiresScope(ApiScope.PEOPLE_READ)
    JiraUsersPage jiraUsers(ApiCaller caller, @PathVariable String id, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String offset) {
        Paging paging = Paging.parse(limit, offset);
        return new JiraUsersPage(jiraUsers.page(caller.organizationId(), id, paging.limit(), paging.offset()),
                paging.limit(), paging.offset());
    }

    @PostMapping("/api/v1/connections/{id}/jira-users/refresh")
    @RequiresScope(ApiScope.PEOPLE_WRITE)
    Refreshed refresh(ApiCaller caller, @PathVariable String id) {
        return new Refreshed(jiraUsers.refresh(caller.organizationId(), id));
    }

    record NewPerson(String externalId, String name, List<NewIdentity> identities) {
    }

    record PersonChanges(String externalId, String name) {
    }

    record NewIdentity(String connection, String accountId, String email) {
        IdentityInput checked() {
            return IdentityInput.checked(connection, accountId, email);
        }
    }

    record PeoplePage(List<Person> people, int limit, int offset) {
    }

    record UnmappedPage(List<UnmappedActors.Actor> actors, int limit, int offset) {
    }

    record JiraUsersPage(List<JiraUserRows.StoredJiraUser> users, int limit, int offset) {
    }

    record Refreshed(int listed) {
    }
}
