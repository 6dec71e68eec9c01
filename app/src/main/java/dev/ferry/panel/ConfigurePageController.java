package dev.ferry.panel;

import dev.ferry.connect.ConnectJwt;
import dev.ferry.connect.ConnectPrincipal;
import dev.ferry.connect.TokenKind;
import dev.ferry.refusal.Refusal;
import dev.ferry.sitelink.JiraAdminRequests;
import java.net.URI;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The app's configure page inside Jira: what Ferry knows about this site, and the organizations asking
 * to link it, which a Jira administrator confirms or declines here. The buttons post with a context token
 * the page carries, so they work with or without Atlassian's {@code all.js}; every post answers 303 to the
 * page with its outcome, so reloading that page never posts again.
 */
@RestController
class ConfigurePageController {

    private final ConfigurePages pages;
    private final JiraAdminRequests requests;

    ConfigurePageController(ConfigurePages pages, JiraAdminRequests requests) {
        this.pages = pages;
        this.requests = requests;
    }

    @GetMapping(path = "/configure", produces = MediaType.TEXT_HTML_VALUE)
    @ConnectJwt
    ResponseEntity<String> configure(ConnectPrincipal principal) {
        return pages.render(principal, null);
    }

    /** Where a post sends the browser: the page again, saying what the post did. */
    @GetMapping(path = "/configure/done", produces = MediaType.TEXT_HTML_VALUE)
    @ConnectJwt(TokenKind.CONTEXT)
    ResponseEntity<String> done(ConnectPrincipal principal, @RequestParam ConfigureOutcome outcome,
            @RequestParam(defaultValue = "0") long request) {
        return pages.render(principal, pages.outcome(principal, outcome, request));
    }

    /** Jira checks {@code user_is_admin} before showing the page; Ferry asks Jira again before linking. */
    @PostMapping(path = "/configure/requests/{id}/confirm")
    @ConnectJwt(TokenKind.CONTEXT)
    ResponseEntity<Void> confirm(ConnectPrincipal principal, @PathVariable long id) {
        return act(principal, id, ConfigureOutcome.LINKED,
                () -> requests.confirmAsJiraAdmin(principal.clientKey(), principal.accountId(), id));
    }

    /** Declining needs an administrator just as much: it closes another organization's request. */
    @PostMapping(path = "/configure/requests/{id}/decline")
    @ConnectJwt(TokenKind.CONTEXT)
    ResponseEntity<Void> decline(ConnectPrincipal principal, @PathVariable long id) {
        return act(principal, id, ConfigureOutcome.DECLINED,
                () -> requests.declineAsJiraAdmin(principal.clientKey(), principal.accountId(), id));
    }

    private ResponseEntity<Void> act(ConnectPrincipal principal, long id, ConfigureOutcome success,
            Supplier<String> action) {
        if (principal.accountId().isEmpty()) {
            // Jira names the viewer on this admin-only page; without one there is nobody to redirect to.
            throw Refusal.forbidden("Jira named no user for this request");
        }
        ConfigureOutcome outcome;
        try {
            action.get();
            outcome = success;
        } catch (Refusal refused) {
            outcome = ConfigureOutcome.of(refused);
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(pages.doneUrl(principal, outcome, id)))
                .build();
    }
}
