package dev.ferry.web;

import dev.ferry.connect.ConnectAuthenticator;
import dev.ferry.connect.ConnectProperties;
import dev.ferry.connect.InstallKeyUnavailableException;
import dev.ferry.connect.InvalidTokenException;
import dev.ferry.persistence.DatabaseFailures;
import dev.ferry.persistence.ThrottledLog;
import dev.ferry.refusal.BodyError;
import dev.ferry.refusal.InvalidBody;
import dev.ferry.refusal.Refusal;
import dev.ferry.template.Pages;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/** The one place that turns exceptions into RFC 9457 problem details. */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final ThrottledLog databaseOutages = new ThrottledLog(log);
    private final String realm;
    private final Pages pages;
    private final ConnectProperties connect;

    ProblemAdvice(ConnectAuthenticator authenticator, Pages pages, ConnectProperties connect) {
        this.realm = authenticator.challenge();
        this.pages = pages;
        this.connect = connect;
    }

    private static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return "GET".equals(request.getMethod()) && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    private static String reloadMessage(InvalidTokenException e) {
        return e.getMessage().contains("expired")
                ? "Your Jira session for this view has expired."
                : "Jira's signature for this view could not be verified. If this persists after a reload, ask your "
                        + "Jira administrator to check the app.";
    }

    /**
     * The reload page: its line, and what it needs to ask Jira for a fresh view. Reloading the same URL would
     * send the same expired token again, so only the host (Atlassian's {@code all.js}) can bring a new one.
     *
     * @param allJsUrl  Atlassian's iframe script, or null to leave it out
     * @param scriptUrl the Reload button's script, under this request's context path
     */
    record ReloadPage(String message, String allJsUrl, String scriptUrl) {
    }

    /**
     * Says which check failed, never the token itself. A person looking at an iframe gets a page that
     * asks for a reload (which brings a fresh token) instead of JSON.
     */
    @ExceptionHandler(InvalidTokenException.class)
    ResponseEntity<?> invalidToken(InvalidTokenException e, HttpServletRequest request) {
        log.info("refused a Connect request: {}", e.getMessage());
        if (wantsPage(request)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, realm)
                    .cacheControl(CacheControl.noStore()).contentType(MediaType.TEXT_HTML)
                    .body(pages.render("reload", new ReloadPage(reloadMessage(e), connect.allJsScript(),
                            request.getContextPath() + "/iframe/reload.js")));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
        problem.setTitle(Problems.AUTHENTICATION_FAILED);
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, realm).body(problem);
    }

    @ExceptionHandler(InstallKeyUnavailableException.class)
    ResponseEntity<ProblemDetail> installKeyUnavailable(InstallKeyUnavailableException e) {
        log.warn(e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Install key unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
    }

    @ExceptionHandler(RequestTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(RequestTooLargeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
        problem.setTitle(BodyLimit.TITLE);
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setTitle(e.title());
        return ResponseEntity.status(e.status()).headers(e.headers()).body(problem);
    }

    /**
     * A body Spring could not read before any converter ran (none was sent), or one read by Spring's own
     * converter outside the product API: the same answer {@link ApiBodyConverter} gives.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Optional<RequestTooLargeException> tooLarge = RequestTooLargeException.in(e);
        if (tooLarge.isPresent()) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(tooLarge.get()).getBody());
        }
        InvalidBody invalid = e.getCause() instanceof JacksonException unreadable
                ? new BodyErrors().with(unreadable)
                : new InvalidBody(List.of(new BodyError("", e.getMessage() != null
                        && e.getMessage().startsWith("Required request body is missing")
                                ? ApiBodyConverter.NO_BODY
                                : "the request body could not be read")));
        return ResponseEntity.badRequest().headers(headers).body(refusal(invalid).getBody());
    }

    /** Bean Validation's refusals, one entry per field, in the shape of every other body refusal. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<BodyError> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(error -> errors.add(new BodyError(
                JsonFields.pointerOf(error.getField()), error.getField() + " " + error.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors().forEach(error -> errors.add(new BodyError("", error.getDefaultMessage())));
        return ResponseEntity.badRequest().headers(headers).body(refusal(new InvalidBody(errors)).getBody());
    }

    /** Spring's own problems are titled by their reason phrase; Ferry's titles are in sentence case. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        HttpStatus known = HttpStatus.resolve(status.value());
        if (body instanceof ProblemDetail problem && known != null && known.getReasonPhrase().equals(problem.getTitle())) {
            problem.setTitle(Problems.title(known));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    /** Anything nothing else expected: a generic 500 that names no class, query or stack frame. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        Failures.log(request, e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(Failures.problem());
    }

    /** What the domain refused: the status is its kind's ({@link RefusalStatus}), the title and detail its own. */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refusal(Refusal e) {
        HttpStatus status = RefusalStatus.of(e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(e.title());
        if (e instanceof InvalidBody invalid) {
            problem.setProperty("errors", invalid.errors());
        }
        return ResponseEntity.status(status).body(problem);
    }

    /**
     * The database is out (unreachable, closed, out of disk, read-only): 503 with {@code Retry-After}, so the
     * caller tries again, and nothing of the driver's words, which name hosts, files and users. Any other
     * database failure is a bug on Ferry's side: 500, and the stack trace only in the log.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<ProblemDetail> database(RuntimeException e, HttpServletRequest request) {
        if (!DatabaseFailures.isOutage(e)) {
            return unexpected(e, request);
        }
        databaseOutages.warn("answered 503 while the database is unavailable", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                Problems.DATABASE_UNAVAILABLE_DETAIL);
        problem.setTitle(Problems.DATABASE_UNAVAILABLE);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Problems.RETRY_AFTER_SECONDS).body(problem);
    }
}
