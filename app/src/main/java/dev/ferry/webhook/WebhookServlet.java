package dev.ferry.webhook;

import dev.ferry.connect.ConnectAuthenticator;
import dev.ferry.connect.Fingerprint;
import dev.ferry.connect.InvalidTokenException;
import dev.ferry.connect.TokenKind;
import dev.ferry.connect.VerifiedToken;
import dev.ferry.web.Problems;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Jira's webhooks: authenticate (the same gate as every Connect endpoint), store, answer 204. Nothing
 * else happens before the answer. A plain servlet rather than an MVC controller, because this is the
 * one endpoint Jira may call thousands of times a second and the dispatcher's overhead is most of a
 * request's cost there.
 */
class WebhookServlet extends HttpServlet {

    private static final int MAX_ID_LENGTH = 255;

    private final transient ConnectAuthenticator authenticator;
    private final transient Inbox inbox;
    private final transient WebhookRoutes routes;
    private final transient Clock clock;

    WebhookServlet(ConnectAuthenticator authenticator, Inbox inbox, WebhookRoutes routes, Clock clock) {
        this.authenticator = authenticator;
        this.inbox = inbox;
        this.routes = routes;
        this.clock = clock;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        VerifiedToken token;
        try {
            token = authenticator.authenticate(request, TokenKind.REQUEST);
        } catch (InvalidTokenException refused) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, authenticator.challenge());
            Problems.write(response, HttpStatus.UNAUTHORIZED, Problems.AUTHENTICATION_FAILED, refused.getMessage(),
                    request.getRequestURI());
            return;
        }
        String slug = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        String body = new String(readBody(request), StandardCharsets.UTF_8);
        try {
            inbox.store(new InboundDelivery(token.principal().clientKey(), identifier(request, slug, body),
                    routes.eventFor(slug).orElse("unknown:" + slug), body, retries(request), clock.instant()));
        } catch (InboxUnavailableException notStored) {
            // Retryable on purpose: nothing was stored, and Jira sends the delivery again.
            Problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "Delivery not stored", notStored.getMessage(),
                    request.getRequestURI());
            return;
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    /** Reads exactly Content-Length bytes when Jira says how many (it does), else to the end. */
    private static byte[] readBody(HttpServletRequest request) throws IOException {
        int length = request.getContentLength();
        return length >= 0 ? request.getInputStream().readNBytes(length) : request.getInputStream().readAllBytes();
    }

    /** Jira always sends an identifier; without one, the same body at the same URL is the same delivery. */
    private static String identifier(HttpServletRequest request, String slug, String body) {
        String id = request.getHeader("X-Atlassian-Webhook-Identifier");
        if (id == null || id.isBlank()) {
            return "sha256:" + Fingerprint.of(slug + "\n" + body);
        }
        return id.length() > MAX_ID_LENGTH ? "sha256:" + Fingerprint.of(id) : id;
    }

    private static int retries(HttpServletRequest request) {
        String header = request.getHeader("X-Atlassian-Webhook-Retry");
        try {
            return header == null ? 0 : Math.max(0, Integer.parseInt(header.trim()));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
