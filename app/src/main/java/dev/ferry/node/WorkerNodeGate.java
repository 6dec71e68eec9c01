package dev.ferry.node;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On a {@code worker} node every HTTP route but health answers 503 problem+json, first thing, before any
 * authentication or body read: a load balancer that still sends it traffic learns at once to send it elsewhere,
 * and nothing a caller sent is half taken. Health stays up so the node is still watched and restarted.
 */
class WorkerNodeGate extends OncePerRequestFilter {

    /** Written by hand rather than through dev.ferry.web, which depends on persistence, which asks this package. */
    static final String PROBLEM = """
            {"title":"Service unavailable","status":503,\
            "detail":"This Ferry node runs background work only (ferry.node.role=worker); send requests to a web node"}""";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (health(request.getRequestURI().substring(request.getContextPath().length()))) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(PROBLEM.getBytes(StandardCharsets.UTF_8));
    }

    static boolean health(String path) {
        return path.equals("/livez") || path.equals("/readyz") || path.equals("/actuator/health")
                || path.startsWith("/actuator/health/");
    }
}
