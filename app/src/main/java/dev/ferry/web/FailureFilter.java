package dev.ferry.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The last catch, around every filter: what fails outside Spring MVC (the session store, a filter) would
 * reach Tomcat, which logs each such failure with its stack trace, whoever sent the request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class FailureFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        try {
            chain.doFilter(request, response);
        } catch (RequestRejectedException rejected) {
            answer(response, HttpStatus.BAD_REQUEST, "Bad request", "the request's address is not accepted");
        } catch (IOException | ServletException | RuntimeException failure) {
            Failures.log(request, failure);
            answer(response, HttpStatus.INTERNAL_SERVER_ERROR, Failures.TITLE, Failures.DETAIL);
        }
    }

    private static void answer(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        if (!response.isCommitted()) {
            response.reset();
            Problems.write(response, status, title, detail, null);
        }
    }
}
