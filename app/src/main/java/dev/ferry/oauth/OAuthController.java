package dev.ferry.oauth;

import dev.ferry.connection.TokenConnection;
import dev.ferry.console.ConsolePage;
import dev.ferry.console.ConsoleView;
import dev.ferry.principal.Person;
import dev.ferry.refusal.Refusal;
import dev.ferry.web.RefusalStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Connect with Atlassian" in the console: the page with the button, the start (a redirect to Atlassian's
 * consent page), the callback Atlassian sends the browser back to, and the pick of sites. Admins and
 * Managers only: the security chain refuses Members' posts, and these handlers refuse their GETs too.
 */
@Controller
@ConsolePage(title = "Connect with Atlassian", nav = "connections")
@RequestMapping(OAuthController.BASE)
class OAuthController {

    static final String BASE = "/admin/connections/oauth";
    /** Where a connection made or renewed is shown: the console's list of connections. */
    static final String DONE = "/admin/connections";

    private final OAuthConnections oauth;
    private final OAuthPages pages;

    OAuthController(OAuthConnections oauth, OAuthPages pages) {
        this.oauth = oauth;
        this.pages = pages;
    }

    @GetMapping
    ModelAndView page(Person person, @RequestParam(required = false) String connection, HttpServletResponse response) {
        return managing(person, () -> {
            pages.allowFormToAtlassian(response);
            return ConsoleView.page("connection-oauth", pages.page(person.organizationId(), connection));
        });
    }

    @PostMapping("/start")
    ModelAndView start(Person person, @RequestParam(required = false) String connection, HttpServletRequest request) {
        return managing(person, () -> {
            URI consent = oauth.start(actor(person, request), connection);
            return ConsoleView.seeOther(consent.toString());
        });
    }

    @GetMapping("/callback")
    ModelAndView callback(Person person, @RequestParam(required = false) String code,
            @RequestParam(required = false) String state, @RequestParam(required = false) String error,
            @RequestParam(name = "error_description", required = false) String errorDescription,
            HttpServletRequest request, RedirectAttributes redirect) {
        return managing(person, () -> {
            OAuthConnections.Called called = oauth.callback(actor(person, request), code, state, error, errorDescription);
            if (called.reconnected() != null) {
                return ConsoleView.seeOther(redirect, DONE, "Reconnected: Atlassian accepts Ferry again, and deliveries"
                        + " that waited go now.");
            }
            return ConsoleView.seeOther(BASE + "/pick?grant=" + called.grantId());
        });
    }

    @GetMapping("/pick")
    ModelAndView pickPage(Person person, @RequestParam(required = false) String grant, HttpServletRequest request) {
        return managing(person, () -> ConsoleView.page("connection-oauth-pick",
                new OAuthPickPage(grant, oauth.sites(actor(person, request), grant), null)));
    }

    @PostMapping("/pick")
    ModelAndView pick(Person person, @RequestParam(required = false) String grant,
            @RequestParam(name = "site", required = false) List<String> sites, HttpServletRequest request,
            RedirectAttributes redirect) {
        OAuthConnections.Actor actor = actor(person, request);
        try {
            List<TokenConnection> made = oauth.pick(actor, grant, sites);
            return ConsoleView.seeOther(redirect, DONE, "Connected " + String.join(", ",
                    made.stream().map(c -> c.siteUrl().toString()).toList()) + " with Atlassian.");
        } catch (Refusal refused) {
            if (refused.kind() != Refusal.Kind.INVALID) {
                return error(refused);
            }
            return managing(person, () -> ConsoleView.page(HttpStatus.BAD_REQUEST, "connection-oauth-pick",
                    new OAuthPickPage(grant, oauth.sites(actor, grant), refused.getMessage())));
        }
    }

    /** Members may look at the console but not connect: their GETs are refused here, their posts by the chain. */
    private ModelAndView managing(Person person, Supplier<ModelAndView> action) {
        if (!person.canManage()) {
            return ConsoleView.page(HttpStatus.FORBIDDEN, "connection-oauth-error", new OAuthErrorPage("Not allowed",
                    "Only Admins and Managers connect Jira sites. Ask an Admin of your organization."));
        }
        try {
            return action.get();
        } catch (Refusal refused) {
            return error(refused);
        }
    }

    private static ModelAndView error(Refusal refused) {
        return ConsoleView.page(RefusalStatus.of(refused), "connection-oauth-error",
                new OAuthErrorPage("Connect with Atlassian stopped", refused.getMessage()));
    }

    private static OAuthConnections.Actor actor(Person person, HttpServletRequest request) {
        return new OAuthConnections.Actor(person.organizationId(), person.actor(), request.getSession().getId());
    }
}
