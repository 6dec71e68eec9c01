package dev.ferry.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses, with 400 naming the parameter, a query or form parameter holding a NUL character. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class NulParameterFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> refused = offending(request.getParameterMap());
        if (refused.isPresent()) {
            Problems.write(response, HttpStatus.BAD_REQUEST, "Bad request",
                    NulText.refusal("the parameter " + refused.get()), request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }

    private static Optional<String> offending(Map<String, String[]> parameters) {
        return parameters.entrySet().stream()
                .filter(parameter -> NulText.contains(parameter.getKey())
                        || Arrays.stream(parameter.getValue()).anyMatch(NulText::contains))
                .map(parameter -> parameter.getKey().replace(NulText.NUL, '?')).findFirst();
    }
}
