package dev.ferry.admin;

import dev.ferry.console.ConsoleFrame;
import dev.ferry.console.ConsolePage;
import dev.ferry.console.ConsoleView;
import dev.ferry.principal.Person;
import dev.ferry.refusal.Refusal;
import dev.ferry.web.RefusalStatus;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organization's API keys in the admin console (Admins only, enforced by the security chain): list,
 * create, revoke after a confirm step. The rules are {@link ApiKeys}' own, as for the product API.
 */
@Controller
@ConsolePage(title = KeysPageController.TITLE, nav = KeysPageController.NAV)
class KeysPageController {

    static final String PATH = "/admin/api-keys";
    static final String TITLE = "API keys";
    static final String NAV = "api-keys";

    private final ApiKeys keys;

    KeysPageController(ApiKeys keys) {
        this.keys = keys;
    }

    @GetMapping(PATH)
    ModelAndView list(Person person) {
        return show(person, HttpStatus.OK, KeysPage.Form.blank(), null, null);
    }

    /**
     * Answers with the page itself, the only time the key's text exists outside its caller: a redirect
     * would have to park it in the session, and sessions live in the database. The page is no-store.
     */
    @PostMapping(PATH)
    ModelAndView create(Person person, @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) List<String> scopes) {
        if (scopes == null || scopes.isEmpty()) {
            return show(person, HttpStatus.BAD_REQUEST, KeysPage.Form.of(name, scopes), null,
                    Refusal.invalid(KeysPage.NO_SCOPE));
        }
        try {
            IssuedKey issued = keys.issue(person.organizationId(), name, Scopes.parse(scopes), person.actor());
            return show(person, HttpStatus.OK, KeysPage.Form.blank(), issued, null);
        } catch (Refusal refused) {
            return show(person, RefusalStatus.of(refused), KeysPage.Form.of(name, scopes), null, refused);
        }
    }

    @GetMapping(PATH + "/{id}/revoke")
    ModelAndView confirmRevoke(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame,
            @PathVariable String id) {
        return keys.find(person.organizationId(), id)
                .map(key -> ConsoleView.titled(frame, "Revoke API key", "api-key-revoke", KeysPage.Row.of(key)))
                .orElseGet(() -> show(person, HttpStatus.NOT_FOUND, KeysPage.Form.blank(), null,
                        Refusal.notFound("no API key " + id + " in this organization")));
    }

    @PostMapping(PATH + "/{id}/revoke")
    ModelAndView revoke(Person person, RedirectAttributes redirect, @PathVariable String id) {
        try {
            keys.revoke(person, id);
        } catch (Refusal refused) {
            return show(person, RefusalStatus.of(refused), KeysPage.Form.blank(), null, refused);
        }
        return ConsoleView.seeOther(redirect, PATH, "API key revoked: calls with it are refused from now on.");
    }

    private ModelAndView show(Person person, HttpStatus status,
            KeysPage.Form form, IssuedKey issued, Refusal refused) {
        String error = refused == null ? null : KeysPage.sentence(refused.getMessage());
        KeysPage page = KeysPage.of(keys.list(person.organizationId()), form, issued, error);
        return ConsoleView.page(status, "api-keys", page);
    }
}
