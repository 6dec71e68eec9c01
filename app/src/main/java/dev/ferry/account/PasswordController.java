package dev.ferry.account;

import dev.ferry.console.ConsolePages;
import dev.ferry.principal.Person;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A person changes their own password; the page everyone with a one-time password is sent to. A change
 * signs the person out everywhere else: whoever knew the old password loses the sessions it opened.
 */
@Controller
class PasswordController {

    static final String PATH = "/admin/password";
    static final String TITLE = "Change password";

    private final ConsolePages pages;
    private final Accounts accounts;
    private final AccountRepository repository;
    private final PersonSessions sessions;

    PasswordController(ConsolePages pages, Accounts accounts, AccountRepository repository, PersonSessions sessions) {
        this.pages = pages;
        this.accounts = accounts;
        this.repository = repository;
        this.sessions = sessions;
    }

    /** The form's view-model. */
    record PasswordPage(boolean mustChange, String error, int minLength) {
    }

    @GetMapping(PATH)
    ResponseEntity<String> form(Person person, HttpServletRequest request) {
        return pages.page("password", pages.frame(person, TITLE, null, request), page(person, null));
    }

    @PostMapping(PATH)
    ResponseEntity<String> change(Person person, HttpServletRequest request, @RequestParam(defaultValue = "") String current,
            @RequestParam(defaultValue = "") String chosen, @RequestParam(defaultValue = "") String repeated) {
        try {
            accounts.changePassword(person.userId(), current, chosen, repeated);
        } catch (Refusal refused) {
            return pages.page(HttpStatus.BAD_REQUEST, "password", pages.frame(person, TITLE, null, request),
                    page(person, refused.getMessage()));
        }
        // A new password starts a new session id, so a session id seen before the change is worth nothing.
        String before = request.getSession().getId();
        String after = request.changeSessionId();
        sessions.endAllBut(person.userId(), Set.of(before, after));
        return pages.seeOther(request, "/admin", "Your password is changed.");
    }

    private PasswordPage page(Person person, String error) {
        boolean mustChange = repository.findById(person.userId()).map(Account::mustChangePassword).orElse(false);
        return new PasswordPage(mustChange, error, PasswordRules.MIN_LENGTH);
    }
}
