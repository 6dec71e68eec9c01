package dev.ferry.webhook;

import dev.ferry.web.Problems;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The answer to one delivery waiting for its batch, given exactly once: 204 when the inbox says it is
 * committed, 503 when it could not be stored or was not stored in time. The answer is only set here;
 * completing the async request hands the writing to a Tomcat thread, so the inbox writer never waits on
 * a client's socket. The time limit is the container's async timeout, checked by Tomcat in bulk, rather
 * than a timer scheduled for every delivery.
 */
final class DeliveryAnswer implements BiConsumer<Boolean, Throwable>, AsyncListener {

    /** The title of every answer that tells Jira a delivery was not taken and should be sent again. */
    static final String NOT_STORED = "Delivery not stored";
    private static final Logger log = LoggerFactory.getLogger(DeliveryAnswer.class);

    private final AsyncContext async;
    private final String path;
    private final AtomicBoolean given = new AtomicBoolean();

    private DeliveryAnswer(AsyncContext async, String path) {
        this.async = async;
        this.path = path;
    }

    /** Frees the request thread until the answer is known; {@code limit} bounds the wait for the inbox. */
    static DeliveryAnswer await(AsyncContext async, String path, Duration limit) {
        DeliveryAnswer answer = new DeliveryAnswer(async, path);
        async.setTimeout(limit.toMillis());
        async.addListener(answer);
        return answer;
    }

    /** The inbox's verdict: {@code notStored} is null once the delivery is committed (new or seen before). */
    @Override
    public void accept(Boolean stored, Throwable notStored) {
        if (notStored == null) {
            give(HttpStatus.NO_CONTENT, null);
        } else {
            give(HttpStatus.SERVICE_UNAVAILABLE, notStored.getMessage());
        }
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        give(HttpStatus.SERVICE_UNAVAILABLE, "the delivery was not stored in time");
    }

    private void give(HttpStatus status, String problem) {
        if (!given.compareAndSet(false, true)) {
            return;
        }
        try {
            HttpServletResponse response = (HttpServletResponse) async.getResponse();
            if (problem == null) {
                response.setStatus(status.value());
            } else {
                // Retryable on purpose: nothing was stored, and Jira sends the delivery again.
                response.setHeader(HttpHeaders.RETRY_AFTER, Problems.RETRY_AFTER_SECONDS);
                Problems.write(response, status, NOT_STORED, problem, path);
            }
        } catch (IOException | RuntimeException clientGone) {
            log.debug("webhook answer to {} not written: {}", path, clientGone.toString());
        } finally {
            async.complete();
        }
    }

    @Override
    public void onComplete(AsyncEvent event) {
        // nothing to release
    }

    @Override
    public void onError(AsyncEvent event) {
        // The connection failed while waiting; the delivery is stored or not, and Jira retries if unanswered.
        given.set(true);
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }
}
