package dev.ferry.admin;

import dev.ferry.console.ConsolePages;
import dev.ferry.principal.Person;
import dev.ferry.refusal.Refusal;
import dev.ferry.web.RefusalStatus;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organization's API keys in the admin console (Admins only, enforced by the security chain): list,
 * create, revoke after a confirm step. The rules are {@link ApiKeys}' own, as for the product API.
 */
@Controller
class KeysPageController {

    static final String PATH = "/admin/api-keys";
    static final String TITLE = "API keys";
    static final String NAV = "api-keys";

    private final ConsolePages pages;
    private final ApiKeys keys;

    KeysPageController(ConsolePages pages, ApiKeys keys) {
        this.pages = pages;
        this.keys = keys;
    }

    @GetMapping(PATH)
    ResponseEntity<String> list(Person person, HttpServletRequest request) {
        return show(person, request, HttpStatus.OK, KeysPage.Form.blank(), null, null);
    }

    /**
     * Answers with the page itself, the only time the key's text exists outside its caller: a redirect
     * would have to park it in the session, and sessions live in the database. The page is no-store.
     */
    @PostMapping(PATH)
    ResponseEntity<String> create(Person person, HttpServletRequest request,
            @RequestParam(defaultValue = "") String name, @RequestParam(required = false) List<String> scopes) {
        try {
            IssuedKey issued = keys.issue(person.organizationId(), name, Scopes.parse(scopes), person.actor());
            return show(person, request, HttpStatus.OK, KeysPage.Form.blank(), issued, null);
        } catch (Refusal refused) {
            return show(person, request, RefusalStatus.of(refused), KeysPage.Form.of(name, scopes), null, refused);
        }
    }

    @GetMapping(PATH + "/{id}/revoke")
    ResponseEntity<String> confirmRevoke(Person person, HttpServletRequest request, @PathVariable String id) {
        return keys.find(person.organizationId(), id)
                .map(key -> pages.page("api-key-revoke", pages.frame(person, "Revoke API key", NAV, request),
                        KeysPage.Row.of(key)))
                .orElseGet(() -> show(person, request, HttpStatus.NOT_FOUND, KeysPage.Form.blank(), null,
                        Refusal.notFound("no API key " + id + " in this organization")));
    }

    @PostMapping(PATH + "/{id}/revoke")
    ResponseEntity<String> revoke(Person person, HttpServletRequest request, @PathVariable String id) {
        try {
            keys.revoke(person, id);
        } catch (Refusal refused) {
            return show(person, request, RefusalStatus.of(refused), KeysPage.Form.blank(), null, refused);
        }
        return pages.seeOther(request, PATH, "API key revoked: calls with it are refused from now on.");
    }

    private ResponseEntity<String> show(Person person, HttpServletRequest request, HttpStatus status,
            KeysPage.Form form, IssuedKey issued, Refusal refused) {
        String error = refused == null ? null : KeysPage.sentence(refused.getMessage());
        KeysPage page = KeysPage.of(keys.list(person.organizationId()), form, issued, error);
        return pages.page(status, "api-keys", pages.frame(person, TITLE, NAV, request), page);
    }
}
