package dev.ferry.account;

import dev.ferry.console.ConsolePage;
import dev.ferry.console.ConsoleView;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/** The sign-in form; Spring Security's form login takes the POST to the same path. */
@Controller
@ConsolePage(title = "Sign in")
class LoginController {

    static final String PATH = "/admin/login";

    private final FirstSignIn firstSignIn;

    LoginController(FirstSignIn firstSignIn) {
        this.firstSignIn = firstSignIn;
    }

    /**
     * The form's view-model: at most one error and one notice, and until anyone has chosen a password, where the
     * first admin's password is.
     */
    record LoginPage(String error, String notice, String firstSignIn) {
    }

    @GetMapping(PATH)
    ModelAndView form(HttpServletRequest request) {
        Outcome outcome = outcome(request);
        return ConsoleView.page("login", new LoginPage(outcome.error(), outcome.notice(),
                firstSignIn.hint().orElse(null)));
    }

    /** What the last attempt came to. */
    private record Outcome(String error, String notice) {
    }

    private Outcome outcome(HttpServletRequest request) {
        if (request.getParameter("throttled") != null) {
            return new Outcome("Too many failed sign-ins for this email or from this network. Wait "
                    + wait(request.getParameter("throttled")) + ", then try again.", null);
        }
        if (request.getParameter("error") != null) {
            return new Outcome("That email and password do not match an account.", null);
        }
        if (request.getParameter("signedOut") != null) {
            return new Outcome(null, "You are signed out.");
        }
        return new Outcome(null, null);
    }

    /** The wait the failed attempt was told, in words; only digits are read from the address. */
    private static String wait(String seconds) {
        long value = seconds.matches("\\d{1,7}") ? Long.parseLong(seconds) : 0;
        if (value <= 0) {
            return "a little";
        }
        if (value < 120) {
            return value + (value == 1 ? " second" : " seconds");
        }
        return (value + 59) / 60 + " minutes";
    }
}
