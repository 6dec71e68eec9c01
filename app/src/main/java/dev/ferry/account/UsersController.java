package dev.ferry.account;

import dev.ferry.console.ConsolePage;
import dev.ferry.console.ConsoleView;
import dev.ferry.principal.Person;
import dev.ferry.principal.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The people of the organization (Admins only, enforced by the security chain): add, change role, reset, remove. */
@Controller
@ConsolePage(title = UsersController.TITLE, nav = "users")
class UsersController {

    static final String PATH = "/admin/users";
    static final String TITLE = "Users";

    private final Accounts accounts;
    private final PersonSessions sessions;

    UsersController(Accounts accounts, PersonSessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @GetMapping(PATH)
    ModelAndView list(Person person) {
        return show(person, HttpStatus.OK, null, null, "");
    }

    /** Answers with the page itself (no redirect), the only time the one-time password is shown. */
    @PostMapping(PATH)
    ModelAndView add(Person person, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String role) {
        try {
            return show(person, HttpStatus.OK, accounts.add(person, email, role(role)), null, "");
        } catch (FormRefusal refused) {
            return show(person, HttpStatus.BAD_REQUEST, null, refused.getMessage(), email);
        }
    }

    @PostMapping(PATH + "/{id}/role")
    ModelAndView changeRole(Person person, RedirectAttributes redirect, @PathVariable String id,
            @RequestParam(defaultValue = "") String role) {
        try {
            accounts.changeRole(person, id, role(role));
        } catch (FormRefusal refused) {
            return show(person, HttpStatus.BAD_REQUEST, null, refused.getMessage(), "");
        }
        return ConsoleView.seeOther(redirect, PATH, "Role changed.");
    }

    @PostMapping(PATH + "/{id}/reset-password")
    ModelAndView resetPassword(Person person, HttpServletRequest request, @PathVariable String id) {
        try {
            Accounts.Issued issued = accounts.resetPassword(person, id);
            // Whoever held the old password is signed out, on every node (an Admin resetting their own
            // password keeps this session).
            sessions.endAllBut(issued.accountId(), Set.of(request.getSession().getId()));
            return show(person, HttpStatus.OK, issued, null, "");
        } catch (FormRefusal refused) {
            return show(person, HttpStatus.BAD_REQUEST, null, refused.getMessage(), "");
        }
    }

    @PostMapping(PATH + "/{id}/remove")
    ModelAndView remove(Person person, RedirectAttributes redirect, @PathVariable String id) {
        try {
            accounts.remove(person, id);
        } catch (FormRefusal refused) {
            return show(person, HttpStatus.BAD_REQUEST, null, refused.getMessage(), "");
        }
        return ConsoleView.seeOther(redirect, PATH, "Removed.");
    }

    private ModelAndView show(Person person, HttpStatus status,
            Accounts.Issued issued, String error, String email) {
        UsersPage page = UsersPage.of(accounts.of(person.organizationId()), person, issued, error, email);
        return ConsoleView.page(status, "users", page);
    }

    private static Role role(String value) {
        return Arrays.stream(Role.values()).filter(role -> role.name().equals(value)).findFirst()
                .orElseThrow(() -> new FormRefusal("Choose a role: Admin, Manager or Member."));
    }
}
