package dev.ferry.panel;

import dev.ferry.connect.ConnectJwt;
import dev.ferry.connect.ConnectPrincipal;
import dev.ferry.connect.TokenKind;
import dev.ferry.jira.JiraException;
import dev.ferry.link.TicketLink;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The issue panel's own actions, called from the page with a context token bound to the issue (the one the
 * panel carries, or {@code AP.context.getToken()}); {@link PanelActions} decides what the token's user may do.
 */
@RestController
@RequestMapping("/panels/api/links/{linkId}")
class PanelActionsController {

    private final PanelActions actions;

    PanelActionsController(PanelActions actions) {
        this.actions = actions;
    }

    @PostMapping("/unlink")
    @ConnectJwt(TokenKind.CONTEXT)
    ResponseEntity<Void> unlink(ConnectPrincipal principal, @PathVariable long linkId) {
        actions.unlink(PanelViewer.of(principal), linkId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/refresh")
    @ConnectJwt(TokenKind.CONTEXT)
    ResponseEntity<LinkStatus> refresh(ConnectPrincipal principal, @PathVariable long linkId) {
        return ResponseEntity.ok(LinkStatus.of(actions.refresh(PanelViewer.of(principal), linkId)));
    }

    @ExceptionHandler(JiraException.class)
    ResponseEntity<ProblemDetail> jiraFailed(JiraException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, e.getMessage());
        problem.setTitle("Jira did not answer the status request");
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(problem);
    }

    /** A link's status after a refresh. */
    record LinkStatus(long linkId, String issueKey, String statusName, String statusCategory, boolean issueDeleted) {

        static LinkStatus of(TicketLink link) {
            return new LinkStatus(link.id(), link.issueKey(), link.statusName(), link.statusCategory(), link.issueDeleted());
        }
    }
}
