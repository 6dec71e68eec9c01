package dev.ferry.account;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/** After a sign-in attempt: the login page says what happened, or the person goes where they were headed. */
class SignInOutcomes {

    static final String EMAIL = "email";
    static final String SIGNED_IN_AT = SignInOutcomes.class.getName() + ".signedInAt";

    private SignInOutcomes() {
    }

    /** Back to the form; a throttled attempt learns how long to wait (also as {@code Retry-After}). */
    static AuthenticationFailureHandler failure() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            if (e instanceof SignInThrottledException throttled) {
                RelativeRedirects.send(request, response, LoginController.PATH + "?throttled=" + throttled.waitSeconds());
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.waitSeconds()));
            } else {
                RelativeRedirects.send(request, response, LoginController.PATH + "?error");
            }
        };
    }

    /** Notes when the session signed in (for its absolute lifetime), then goes where the person was headed. */
    static SavedRequestAwareAuthenticationSuccessHandler success(Clock clock) {
        var handler = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                    Authentication authentication) throws IOException, ServletException {
                request.getSession().setAttribute(SIGNED_IN_AT, clock.millis());
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        handler.setDefaultTargetUrl(RelativeRedirects.HOME);
        handler.setRedirectStrategy(new RelativeRedirects());
        return handler;
    }
}
