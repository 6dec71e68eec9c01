package dev.ferry.account;

import dev.ferry.console.ConsolePage;
import dev.ferry.console.ConsoleView;
import dev.ferry.principal.Person;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person changes their own password; the page everyone with a one-time password is sent to. A change
 * signs the person out everywhere else: whoever knew the old password loses the sessions it opened.
 */
@Controller
@ConsolePage(title = PasswordController.TITLE)
class PasswordController {

    static final String PATH = "/admin/password";
    static final String TITLE = "Change password";

    private final Accounts accounts;
    private final AccountRepository repository;
    private final PersonSessions sessions;

    PasswordController(Accounts accounts, AccountRepository repository, PersonSessions sessions) {
        this.accounts = accounts;
        this.repository = repository;
        this.sessions = sessions;
    }

    /** The form's view-model. */
    record PasswordPage(boolean mustChange, String error, int minLength) {
    }

    @GetMapping(PATH)
    ModelAndView form(Person person) {
        return ConsoleView.page("password", page(person, null));
    }

    @PostMapping(PATH)
    ModelAndView change(Person person, HttpServletRequest request, RedirectAttributes redirect,
            @RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String chosen,
            @RequestParam(defaultValue = "") String repeated) {
        try {
            accounts.changePassword(person.userId(), current, chosen, repeated);
        } catch (FormRefusal refused) {
            return ConsoleView.page(HttpStatus.BAD_REQUEST, "password", page(person, refused.getMessage()));
        }
        // A new password starts a new session id, so a session id seen before the change is worth nothing.
        String before = request.getSession().getId();
        String after = request.changeSessionId();
        sessions.endAllBut(person.userId(), Set.of(before, after));
        return ConsoleView.seeOther(redirect, "/admin", "Your password is changed.");
    }

    private PasswordPage page(Person person, String error) {
        boolean mustChange = repository.findById(person.userId()).map(Account::mustChangePassword).orElse(false);
        return new PasswordPage(mustChange, error, PasswordRules.MIN_LENGTH);
    }
}
