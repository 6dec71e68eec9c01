package dev.ferry.webhook;

import dev.ferry.connect.ConnectAuthenticator;
import dev.ferry.connect.Fingerprint;
import dev.ferry.connect.InvalidTokenException;
import dev.ferry.connect.TokenKind;
import dev.ferry.connect.VerifiedToken;
import dev.ferry.web.BodyLimit;
import dev.ferry.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * One Jira webhook delivery: authenticate (the same gate as every Connect endpoint), store, answer 204.
 * Nothing else happens before the answer.
 */
@Component
class WebhookReceiver {

    private static final int MAX_ID_LENGTH = 255;

    private final ConnectAuthenticator authenticator;
    private final Inbox inbox;
    private final WebhookRoutes routes;
    private final BodyLimit bodyLimit;
    private final Clock clock;
    private final Duration storeTimeout;

    WebhookReceiver(ConnectAuthenticator authenticator, Inbox inbox, WebhookRoutes routes, BodyLimit bodyLimit,
            Clock clock, WebhookProperties properties) {
        this.authenticator = authenticator;
        this.inbox = inbox;
        this.routes = routes;
        this.bodyLimit = bodyLimit;
        this.clock = clock;
        this.storeTimeout = properties.storeTimeout();
    }

    /** {@code slug} is the part of the path after {@link WebhookRoutes#PREFIX}. */
    void receive(String slug, HttpServletRequest request, HttpServletResponse response) throws IOException {
        VerifiedToken token;
        try {
            token = authenticator.authenticate(request, TokenKind.REQUEST);
        } catch (InvalidTokenException refused) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, authenticator.challenge());
            Problems.write(response, HttpStatus.UNAUTHORIZED, Problems.AUTHENTICATION_FAILED, refused.getMessage(),
                    request.getRequestURI());
            return;
        }
        Optional<byte[]> bytes = bodyLimit.readOrRefuse(request, response);
        if (bytes.isEmpty()) {
            return;
        }
        String body = new String(bytes.get(), StandardCharsets.UTF_8);
        if (body.indexOf('\0') >= 0) {
            // No JSON holds a raw NUL, and PostgreSQL's text cannot store one: a retry would fail the same way,
            // so this is a 400, which Jira does not retry, rather than a 503 it would.
            Problems.write(response, HttpStatus.BAD_REQUEST, "Bad delivery", "the body holds a NUL character",
                    request.getRequestURI());
            return;
        }
        InboundDelivery delivery = new InboundDelivery(token.principal().clientKey(), identifier(request, slug, body),
                routes.eventFor(slug).orElse("unknown:" + slug), body, retries(request), clock.instant());
        // The request thread goes back to Tomcat while the delivery waits for its batch: no thread parks
        // per delivery, so a few threads carry every connection.
        DeliveryAnswer answer = DeliveryAnswer.await(request.startAsync(), request.getRequestURI(), storeTimeout);
        inbox.submit(delivery).whenComplete(answer);
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
