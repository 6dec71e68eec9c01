package dev.ferry.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/** After a sign-in attempt: failures are counted for the throttle, and the login page says what happened. */
class SignInOutcomes {

    static final String EMAIL = "email";

    private SignInOutcomes() {
    }

    /** Counts a wrong password (not a throttled attempt) and sends the person back to the form. */
    static AuthenticationFailureHandler failure(LoginThrottle throttle) {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            if (e instanceof BadCredentialsException) {
                throttle.failed(request.getParameter(EMAIL), request.getRemoteAddr());
            }
            String reason = e instanceof SignInThrottledException ? "throttled" : "error";
            response.sendRedirect(request.getContextPath() + LoginController.PATH + "?" + reason);
        };
    }

    /** Forgets the email's earlier failures, then goes where the person was headed (or home). */
    static SavedRequestAwareAuthenticationSuccessHandler success(LoginThrottle throttle) {
        var handler = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                    Authentication authentication) throws IOException, jakarta.servlet.ServletException {
                throttle.succeeded(request.getParameter(EMAIL));
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        handler.setDefaultTargetUrl("/admin");
        return handler;
    }
}
