package dev.ferry.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page: what Tomcat itself refused (a TRACE, say) or what failed outside
 * Spring MVC is answered as a problem too, in place of Spring Boot's own error JSON.
 */
@RestController
class ErrorProblems implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = status(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
        ProblemDetail problem = status.is5xxServerError() ? Failures.problem() : refusal(status);
        problem.setStatus(status);
        problem.setInstance(instance(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)));
        return ResponseEntity.status(status).body(problem);
    }

    /** The address that failed (not this page's); none when it is no valid URI. */
    private static URI instance(Object path) {
        try {
            return path instanceof String text ? new URI(text) : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static HttpStatus status(Object code) {
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static ProblemDetail refusal(HttpStatus status) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, switch (status) {
            // The error dispatch reports the method as GET, whatever the client sent; the Allow header says the rest.
            case METHOD_NOT_ALLOWED -> "this method is not allowed here";
            case NOT_FOUND -> "there is nothing at this address";
            default -> "the request was refused";
        });
        problem.setTitle(Problems.title(status));
        return problem;
    }
}
