package dev.ferry.panel;

import dev.ferry.connect.ConnectJwt;
import dev.ferry.connect.ConnectPrincipal;
import dev.ferry.connect.TokenKind;
import dev.ferry.sitelink.JiraAdminRequests;
import dev.ferry.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The app's configure page inside Jira: what Ferry knows about this site, and the organizations asking
 * to link it, which a Jira administrator confirms here. The Confirm button posts with a context token the
 * page carries, so it works with or without Atlassian's {@code all.js}.
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
        return pages.render(principal, HttpStatus.OK, null, null);
    }

    /** Jira checks {@code user_is_admin} before showing the page; Ferry asks Jira again before linking. */
    @PostMapping(path = "/configure/requests/{id}/confirm", produces = MediaType.TEXT_HTML_VALUE)
    @ConnectJwt(TokenKind.CONTEXT)
    ResponseEntity<String> confirm(ConnectPrincipal principal, @PathVariable long id) {
        try {
            String organization = requests.confirmAsJiraAdmin(principal.clientKey(), principal.accountId(), id);
            return pages.render(principal, HttpStatus.OK, "This site is now linked to " + organization + ".", null);
        } catch (ApiProblem refused) {
            return pages.render(principal, HttpStatusCode.valueOf(refused.status().value()), null, refused.getMessage());
        }
    }
}
