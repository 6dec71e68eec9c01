package dev.ferry.connection;

import dev.ferry.console.ConsoleFrame;
import dev.ferry.console.ConsolePage;
import dev.ferry.console.ConsoleView;
import dev.ferry.principal.Person;
import dev.ferry.refusal.Refusal;
import dev.ferry.sitelink.SiteConnections;
import dev.ferry.web.RefusalStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's connections pages: every connection of the organization with its health, adding and editing an
 * API-token connection, and deleting a connection after saying what stops. The security chain lets only Admins
 * and Managers post; a refused form comes back with what was typed (never a token) and why, field by field.
 * "Connect with Atlassian", "Reconnect" and "Test connection" post to routes of their own.
 */
@Controller
@ConsolePage(title = "Connections", nav = "connections")
@RequestMapping(ConnectionPagesController.PATH)
class ConnectionPagesController {

    // The console lives under /admin: the security chain, its session cookie and CSRF tokens cover only that.
    static final String PATH = "/admin/connections";
    static final String OAUTH_START = PATH + "/oauth/start";

    private final ConnectionPages pages;
    private final Connections connections;
    private final ApiTokenConnections apiTokens;
    private final ConnectionRemoval removal;
    private final SiteConnections sites;
    private final AuthorizeForms authorizeForms;

    ConnectionPagesController(ConnectionPages pages, Connections connections, ApiTokenConnections apiTokens,
            ConnectionRemoval removal, SiteConnections sites, AuthorizeForms authorizeForms) {
        this.authorizeForms = authorizeForms;
        this.pages = pages;
        this.connections = connections;
        this.apiTokens = apiTokens;
        this.removal = removal;
        this.sites = sites;
    }

    /** The list and a connection's page carry "Connect with Atlassian" / "Reconnect", whose form ends at Atlassian. */
    @GetMapping
    ModelAndView list(Person person, HttpServletResponse response) {
        authorizeForms.allow(response);
        return ConsoleView.page("connections", pages.list(person, ConnectionForm.EMPTY));
    }

    @PostMapping
    ModelAndView add(Person person, AddForm typed, RedirectAttributes redirect, HttpServletResponse response) {
        authorizeForms.allow(response);
        ConnectionForm form = typed.form();
        try {
            NewApiToken body = new NewApiToken(typed.siteUrl(), typed.email(), typed.token(), typed.route(),
                    form.expiryDate(), typed.confluenceUrl(), typed.confluenceEmail(), typed.confluenceToken(),
                    typed.defaultProject());
            ApiTokenConnections.Added added = apiTokens.add(person.organizationId(), person.actor(), body);
            return ConsoleView.seeOther(redirect, PATH + "/" + added.connection().id(), added(added));
        } catch (Refusal refused) {
            return ConsoleView.page(RefusalStatus.of(refused), "connections", pages.list(person, form.refused(refused)));
        }
    }

    @GetMapping("/{id}")
    ModelAndView show(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame, @PathVariable String id,
            HttpServletResponse response) {
        authorizeForms.allow(response);
        try {
            ConnectionPage page = pages.one(person, id, null);
            return ConsoleView.titled(frame, page.row().name(), "connection", page);
        } catch (Refusal refused) {
            return ConsoleView.notFound(frame, "No such connection", refused.getMessage());
        }
    }

    /** An edit: an empty token keeps the stored one, an emptied optional field clears it. */
    @PostMapping("/{id}")
    ModelAndView edit(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame, @PathVariable String id,
            EditForm typed, RedirectAttributes redirect, HttpServletResponse response) {
        authorizeForms.allow(response);
        ConnectionForm form = typed.form();
        try {
            TokenConnection stored = connections.stored(person.organizationId(), id);
            apiTokens.edit(person.organizationId(), person.actor(), id, typed.changes(form, stored));
            return ConsoleView.seeOther(redirect, PATH + "/" + id, typed.token().isEmpty()
                    ? "Connection saved." : "Connection saved; Jira accepted the new token.");
        } catch (Refusal refused) {
            if (refused.kind() == Refusal.Kind.NOT_FOUND) {
                return ConsoleView.notFound(frame, "No such connection", refused.getMessage());
            }
            ConnectionPage page = pages.one(person, id, form.refused(refused));
            return ConsoleView.page(RefusalStatus.of(refused), "connection", page)
                    .addObject(ConsoleView.FRAME, frame.titled(page.row().name()));
        }
    }

    /** The confirm step before a delete, saying what stops, so no single click drops a connection. */
    @GetMapping("/{id}/delete")
    ModelAndView confirmDelete(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame,
            @PathVariable String id) {
        try {
            ConnectionView view = connections.find(person.organizationId(), id);
            boolean install = ConnectionKind.APP_INSTALL.value().equals(view.kind());
            ConnectionRemoval.WhatStops stops = removal.whatStops(person.organizationId(), id);
            return ConsoleView.titled(frame, (install ? "Disconnect " : "Delete ") + view.name(), "connection-delete",
                    new DeletePage(id, view.name(), view.siteUrl(), ConnectionPages.kind(view.kind()), install,
                            person.canManage(), stops.destinations(), stops.destinations().isEmpty(),
                            stops.openDeliveries(), PATH + "/" + id));
        } catch (Refusal refused) {
            return ConsoleView.notFound(frame, "No such connection", refused.getMessage());
        }
    }

    @PostMapping("/{id}/delete")
    ModelAndView delete(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame, @PathVariable String id,
            RedirectAttributes redirect) {
        try {
            ConnectionView view = connections.find(person.organizationId(), id);
            if (ConnectionKind.APP_INSTALL.value().equals(view.kind())) {
                sites.disconnect(person.organizationId(), person.actor(), id);
                return ConsoleView.seeOther(redirect, PATH, "Disconnected " + view.siteUrl()
                        + ". Ferry no longer works with that site for your organization.");
            }
            removal.delete(person.organizationId(), person.actor(), id);
            return ConsoleView.seeOther(redirect, PATH, "Deleted the connection to " + view.siteUrl()
                    + "; its token is erased.");
        } catch (Refusal refused) {
            return ConsoleView.page(refused.kind() == Refusal.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND
                    : RefusalStatus.of(refused), "error", new DeleteRefused("Not deleted", refused.getMessage()))
                    .addObject(ConsoleView.FRAME, frame.titled("Not deleted"));
        }
    }

    /** The flash after an add: where Ferry calls Jira, as whom, and what it noticed. */
    private static String added(ApiTokenConnections.Added added) {
        TokenConnection c = added.connection();
        List<String> parts = new ArrayList<>();
        parts.add("Connected " + c.siteUrl() + (c.accountName() == null ? "" : " as " + c.accountName()) + ".");
        added.notes().stream().map(dev.ferry.console.Shown::sentence).forEach(parts::add);
        return String.join(" ", parts);
    }

    /** The add form as posted; the tokens go to the service and never back to a page. */
    record AddForm(String siteUrl, String email, String token, String route, String tokenExpiresOn,
            String defaultProject, String confluenceUrl, String confluenceEmail, String confluenceToken) {

        ConnectionForm form() {
            return new ConnectionForm(text(siteUrl), text(email), route == null ? "auto" : route, text(tokenExpiresOn),
                    text(defaultProject), text(confluenceUrl), text(confluenceEmail), null,
                    ConnectionForm.FieldErrors.NONE);
        }

        @Override
        public String toString() {
            return "AddForm[" + siteUrl + ", " + email + ", tokens hidden]";
        }
    }

    /**
     * The edit form as posted: every field is sent, so each is what the person wants; an empty token keeps
     * the stored one, {@code clearConfluenceToken} makes Confluence use the Jira token again.
     */
    record EditForm(String email, String token, String tokenExpiresOn, String defaultProject, String confluenceUrl,
            String confluenceEmail, String confluenceToken, Boolean clearConfluenceToken) {

        EditForm {
            token = text(token);
            confluenceToken = text(confluenceToken);
        }

        ConnectionForm form() {
            return new ConnectionForm("", text(email), "auto", text(tokenExpiresOn), text(defaultProject),
                    text(confluenceUrl), text(confluenceEmail), null, ConnectionForm.FieldErrors.NONE);
        }

        /** Only what differs from the stored connection, so the audit log names what really changed. */
        ConnectionChanges changes(ConnectionForm form, TokenConnection stored) {
            ConnectionForm was = ConnectionForm.of(stored);
            java.time.LocalDate expiry = form.expiryDate();
            boolean expiryChanged = !form.tokenExpiresOn().strip().equals(was.tokenExpiresOn());
            return new ConnectionChanges(changed(email, was.email()), token.isEmpty() ? null : token,
                    expiryChanged ? expiry : null, expiryChanged && expiry == null ? true : null,
                    changed(confluenceUrl, was.confluenceUrl()), changed(confluenceEmail, was.confluenceEmail()),
                    Boolean.TRUE.equals(clearConfluenceToken) ? "" : confluenceToken.isEmpty() ? null : confluenceToken,
                    changed(defaultProject, was.defaultProject()));
        }

        private static String changed(String typed, String stored) {
            return text(typed).strip().equals(stored) ? null : text(typed);
        }

        @Override
        public String toString() {
            return "EditForm[" + email + ", tokens hidden]";
        }
    }

    /** The delete confirmation and what it stops. */
    record DeletePage(String id, String name, String siteUrl, String kind, boolean appInstall, boolean canManage,
            List<String> destinations, boolean noDestinations, long openDeliveries, String backPath) {

        boolean noOpenDeliveries() {
            return openDeliveries == 0;
        }
    }

    /** A delete the service refused, on the one error page. */
    record DeleteRefused(String heading, String message) {
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
