package dev.ferry.account;

import dev.ferry.console.ConsolePages;
import dev.ferry.principal.Person;
import dev.ferry.principal.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The people of the organization (Admins only, enforced by the security chain): add, change role, reset, remove. */
@Controller
class UsersController {

    static final String PATH = "/admin/users";
    static final String TITLE = "People";

    private final ConsolePages pages;
    private final Accounts accounts;
    private final PersonSessions sessions;

    UsersController(ConsolePages pages, Accounts accounts, PersonSessions sessions) {
        this.pages = pages;
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @GetMapping(PATH)
    ResponseEntity<String> list(Person person, HttpServletRequest request) {
        return show(person, request, HttpStatus.OK, null, null, "");
    }

    /** Answers with the page itself (no redirect), the only time the one-time password is shown. */
    @PostMapping(PATH)
    ResponseEntity<String> add(Person person, HttpServletRequest request, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String role) {
        try {
            return show(person, request, HttpStatus.OK, accounts.add(person, email, role(role)), null, "");
        } catch (Refusal refused) {
            return show(person, request, HttpStatus.BAD_REQUEST, null, refused.getMessage(), email);
        }
    }

    @PostMapping(PATH + "/{id}/role")
    ResponseEntity<String> changeRole(Person person, HttpServletRequest request, @PathVariable String id,
            @RequestParam(defaultValue = "") String role) {
        try {
            accounts.changeRole(person, id, role(role));
        } catch (Refusal refused) {
            return show(person, request, HttpStatus.BAD_REQUEST, null, refused.getMessage(), "");
        }
        return pages.seeOther(request, PATH, "Role changed.");
    }

    @PostMapping(PATH + "/{id}/reset-password")
    ResponseEntity<String> resetPassword(Person person, HttpServletRequest request, @PathVariable String id) {
        try {
            Accounts.Issued issued = accounts.resetPassword(person, id);
            // Whoever held the old password is signed out, on every node (an Admin resetting their own
            // password keeps this session).
            sessions.endAllBut(issued.accountId(), Set.of(request.getSession().getId()));
            return show(person, request, HttpStatus.OK, issued, null, "");
        } catch (Refusal refused) {
            return show(person, request, HttpStatus.BAD_REQUEST, null, refused.getMessage(), "");
        }
    }

    @PostMapping(PATH + "/{id}/remove")
    ResponseEntity<String> remove(Person person, HttpServletRequest request, @PathVariable String id) {
        try {
            accounts.remove(person, id);
        } catch (Refusal refused) {
            return show(person, request, HttpStatus.BAD_REQUEST, null, refused.getMessage(), "");
        }
        return pages.seeOther(request, PATH, "Removed.");
    }

    private ResponseEntity<String> show(Person person, HttpServletRequest request, HttpStatus status,
            Accounts.Issued issued, String error, String email) {
        UsersPage page = UsersPage.of(accounts.of(person.organizationId()), person, issued, error, email);
        return pages.page(status, "users", pages.frame(person, TITLE, "users", request), page);
    }

    private static Role role(String value) {
        return Arrays.stream(Role.values()).filter(role -> role.name().equals(value)).findFirst()
                .orElseThrow(() -> new Refusal("Choose a role: Admin, Manager or Member."));
    }
}
