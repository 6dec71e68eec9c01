package dev.ferry.objectstate;

import dev.ferry.principal.ApiCaller;
import dev.ferry.principal.ApiScope;
import dev.ferry.principal.RequiresScope;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The product tells Ferry an object's new state or a comment for its tickets, and reads what became of them. */
@RestController
class ObjectStateController {

    private static final String OBJECT = "/api/v1/objects/{type}/{id}";

    private final ObjectChanges changes;
    private final StateHistory history;

    ObjectStateController(ObjectChanges changes, StateHistory history) {
        this.changes = changes;
        this.history = history;
    }

    /** A new state of the object, with an optional note and who in the product set it. */
    record StateBody(String state, String note, String by) {
    }

    /** A comment for the object's tickets, and who in the product wrote it. */
    record CommentBody(String body, String by) {
    }

    /** What Ferry will do: {@code accepted} with the change and its tickets, or {@code nothing to do} and why. */
    record Answer(Long changeId, String outcome, String detail, List<Ticket> tickets) {
    }

    /** A ticket the change goes to. */
    record Ticket(long linkId, String site, String issueKey) {
    }

    @PostMapping(OBJECT + "/state")
    @RequiresScope(ApiScope.LINKS_WRITE)
    ResponseEntity<Answer> state(ApiCaller caller, @PathVariable String type, @PathVariable String id,
            @RequestBody StateBody body) {
        ChangeChecks.object(type, id);
        ChangeChecks.state(body.state(), body.note(), body.by());
        String note = body.note() == null || body.note().isBlank() ? null : body.note();
        return answer(type, id, changes.post(caller, type, id, ChangeKind.STATE, body.state().strip(), note, body.by()));
    }

    @PostMapping(OBJECT + "/comments")
    @RequiresScope(ApiScope.LINKS_WRITE)
    ResponseEntity<Answer> comment(ApiCaller caller, @PathVariable String type, @PathVariable String id,
            @RequestBody CommentBody body) {
        ChangeChecks.object(type, id);
        ChangeChecks.comment(body.body(), body.by());
        return answer(type, id, changes.post(caller, type, id, ChangeKind.COMMENT, null, body.body(), body.by()));
    }

    @GetMapping(OBJECT + "/state-history")
    @RequiresScope(ApiScope.LINKS_READ)
    List<StateHistory.Change> history(ApiCaller caller, @PathVariable String type, @PathVariable String id) {
        ChangeChecks.object(type, id);
        return history.changes(caller.organizationId(), type, id);
    }

    private static ResponseEntity<Answer> answer(String type, String id, ObjectChanges.Posted posted) {
        if (posted.nothingToDo()) {
            return ResponseEntity.ok(new Answer(null, "nothing to do",
                    "no Jira ticket is linked to " + type + " " + id + "; nothing was sent or stored", List.of()));
        }
        List<Ticket> tickets = posted.tickets().stream()
                .map(link -> new Ticket(link.id(), link.clientKey(), link.issueKey())).toList();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Answer(posted.changeId(), "accepted",
                "a comment goes to each of " + tickets.size() + " linked ticket(s)", tickets));
    }
}
