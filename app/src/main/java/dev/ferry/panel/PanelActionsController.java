package dev.ferry.panel;

import dev.ferry.connect.ConnectJwt;
import dev.ferry.connect.ConnectPrincipal;
import dev.ferry.connect.TokenKind;
import dev.ferry.jira.JiraException;
import dev.ferry.link.TicketLink;
import dev.ferry.link.TicketLinks;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The issue panel's own actions, called from the page with a context token
 * ({@code AP.context.getToken()}); a link of another site answers as if it did not exist.
 */
@RestController
@RequestMapping("/panels/api/links/{linkId}")
class PanelActionsController {

    private final TicketLinks links;

    PanelActionsController(TicketLinks links) {
        this.links = links;
    }

    @PostMapping("/unlink")
    @ConnectJwt(TokenKind.CONTEXT)
    ResponseEntity<Void> unlink(ConnectPrincipal principal, @PathVariable long linkId) {
        return links.unlink(principal.clientKey(), linkId) ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    @PostMapping("/refresh")
    @ConnectJwt(TokenKind.CONTEXT)
    ResponseEntity<LinkStatus> refresh(ConnectPrincipal principal, @PathVariable long linkId) {
        return ResponseEntity.of(links.refreshStatus(principal.clientKey(), linkId).map(LinkStatus::of));
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
