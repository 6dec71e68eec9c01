package dev.ferry.node;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * On a {@code worker} node every HTTP route but health answers 503 problem+json, first thing in Tomcat's pipeline
 * (ahead of the webhook valve, every filter, authentication and body reads): a load balancer that still sends it
 * traffic learns at once to send it elsewhere, and nothing a caller sent is half taken. Health stays up so the
 * node is still watched and restarted.
 */
class WorkerNodeGate extends ValveBase {

    /** Written by hand rather than through dev.ferry.web, which depends on persistence, which asks this package. */
    static final String PROBLEM = """
            {"title":"Service unavailable","status":503,\
            "detail":"This Ferry node runs background work only (ferry.node.role=worker); send requests to a web node"}""";

    WorkerNodeGate() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String uri = request.getDecodedRequestURI();
        String path = uri == null ? "" : uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        if (health(path)) {
            getNext().invoke(request, response);
            return;
        }
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(PROBLEM.getBytes(StandardCharsets.UTF_8));
        response.finishResponse();
    }

    static boolean health(String path) {
        return path.equals("/livez") || path.equals("/readyz") || path.equals("/actuator/health")
                || path.startsWith("/actuator/health/");
    }
}
