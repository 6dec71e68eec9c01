package dev.ferry.testticket;

import dev.ferry.principal.ApiCaller;
import dev.ferry.principal.ApiScope;
import dev.ferry.principal.RequiresScope;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Test tickets through the product API: file one from a destination's rule, delete it again. */
@RestController
class TestTicketController {

    private final TestTickets tickets;

    TestTicketController(TestTickets tickets) {
        this.tickets = tickets;
    }

    /**
     * @param eventType the rule to try; {@code experiment.guardrail_breached} when absent
     * @param variables values for the templates; the event type's sample values fill in the rest
     */
    record TestTicketRequest(String eventType, Map<String, String> variables) {
    }

    @PostMapping("/api/v1/destinations/{id}/test-ticket")
    @RequiresScope(ApiScope.CONFIG_WRITE)
    ResponseEntity<TestTickets.Sent> send(ApiCaller caller, @PathVariable String id,
            @RequestBody(required = false) TestTicketRequest request) {
        TestTicketRequest given = request == null ? new TestTicketRequest(null, null) : request;
        TestTickets.Sent sent = tickets.send(caller, id, given.eventType(), given.variables());
        return ResponseEntity.created(URI.create("/api/v1/destinations/" + id + "/test-tickets/" + sent.issueKey()))
                .body(sent);
    }

    @DeleteMapping("/api/v1/destinations/{id}/test-tickets/{issueKey}")
    @RequiresScope(ApiScope.CONFIG_WRITE)
    ResponseEntity<Void> delete(ApiCaller caller, @PathVariable String id, @PathVariable String issueKey) {
        tickets.delete(caller, id, issueKey);
        return ResponseEntity.noContent().build();
    }
}
