package dev.ferry.webhook;

import dev.ferry.persistence.DatabaseFailures;
import dev.ferry.persistence.ThrottledLog;
import dev.ferry.web.Problems;
import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Takes Jira's webhooks at the door of the web application, before the servlet filter chain. This is
 * the one endpoint Jira may call thousands of times a second, and the generic filters (character
 * encoding, HTTP observation, sessions, form content, request context) cost more than a delivery
 * while doing nothing for it; what one of them did for it, the body limit, the receiver does itself.
 * Every other request goes on down the pipeline untouched.
 */
final class WebhookValve extends ValveBase {

    private static final Logger log = LoggerFactory.getLogger(WebhookValve.class);

    private final ThrottledLog databaseOutages = new ThrottledLog(log);
    private final WebhookReceiver receiver;

    WebhookValve(WebhookReceiver receiver) {
        super(true);
        this.receiver = receiver;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String path = request.getRequestPathMB().toString();
        if (!path.startsWith(WebhookRoutes.PREFIX)) {
            getNext().invoke(request, response);
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            response.setHeader(HttpHeaders.ALLOW, "POST");
            Problems.write(response, HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed",
                    "Jira's webhooks are delivered with POST", request.getRequestURI());
            return;
        }
        try {
            receiver.receive(path.substring(WebhookRoutes.PREFIX.length()), request, response);
        } catch (RuntimeException failed) {
            // Outside the servlet filters nothing else turns an exception into an answer; both are retryable.
            boolean outage = DatabaseFailures.isOutage(failed);
            if (outage) {
                databaseOutages.warn("webhook deliveries answered 503 while the database is unavailable", failed);
            } else {
                log.error("webhook delivery to {} failed", path, failed);
            }
            if (!response.isCommitted()) {
                response.reset();
                answerNotTaken(request, response, outage);
            }
        }
    }

    private static void answerNotTaken(Request request, Response response, boolean outage) throws IOException {
        if (outage) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Problems.RETRY_AFTER_SECONDS);
            Problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, DeliveryAnswer.NOT_STORED,
                    "the database is unavailable; Jira will send the delivery again", request.getRequestURI());
        } else {
            Problems.write(response, HttpStatus.INTERNAL_SERVER_ERROR, DeliveryAnswer.NOT_STORED,
                    "the delivery could not be taken; Jira will send it again", request.getRequestURI());
        }
    }
}
