package dev.ferry.panel;

import dev.ferry.forge.ForgeCall;
import dev.ferry.jira.JiraException;
import dev.ferry.link.TicketLink;
import dev.ferry.link.TicketLinks;
import dev.ferry.panel.PanelActionsController.LinkStatus;
import dev.ferry.refusal.Refusal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Forge issue glance's and panel's remote calls ({@code invokeRemote}): the links of the issue the Forge
 * Invocation Token was issued on, and the panel's refresh and unlink, decided by the same {@link PanelActions} as
 * the Connect panel's buttons.
 */
@RestController
class ForgeIssueLinksController {

    private final TicketLinks links;
    private final PanelActions actions;

    ForgeIssueLinksController(TicketLinks links, PanelActions actions) {
        this.links = links;
        this.actions = actions;
    }

    @GetMapping("/forge/ui/issue-links")
    IssueLinks list(ForgeCall call) {
        PanelViewer viewer = ForgeViewers.of(call);
        String issueId = viewer.issueId().orElseThrow(() -> Refusal.notFound("this view is not on an issue"));
        return new IssueLinks(issueId, call.invocation().issueKey(),
                links.forIssue(viewer.siteKey(), issueId).stream().map(Link::of).toList());
    }

    @PostMapping("/forge/ui/issue-links/{linkId}/refresh")
    LinkStatus refresh(ForgeCall call, @PathVariable long linkId) {
        return LinkStatus.of(actions.refresh(ForgeViewers.of(call), linkId));
    }

    @PostMapping("/forge/ui/issue-links/{linkId}/unlink")
    ResponseEntity<Void> unlink(ForgeCall call, @PathVariable long linkId) {
        actions.unlink(ForgeViewers.of(call), linkId);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(JiraException.class)
    ResponseEntity<ProblemDetail> jiraFailed(JiraException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, e.getMessage());
        problem.setTitle("Jira did not answer the status request");
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(problem);
    }

    /** The links of the token's issue. */
    record IssueLinks(String issueId, String issueKey, List<Link> links) {
    }

    /**
     * One link as the Forge front end shows it.
     *
     * @param origin how it came to be: {@code AUTOMATIC}, {@code MANUAL}, {@code TEST} or {@code HAND}
     */
    record Link(long id, String title, String url, String type, String state, String origin, Instant createdAt,
            boolean issueDeleted, String statusName, String statusCategory) {

        static Link of(TicketLink link) {
            return new Link(link.id(), link.object().title(), link.object().url(), link.object().type(),
                    link.object().state(), link.origin().name(), link.createdAt(), link.issueDeleted(),
                    link.statusName(), link.statusCategory());
        }
    }
}
