package dev.ferry.simulator.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.simulator.app.AppClient;
import dev.ferry.simulator.app.Descriptor;
import dev.ferry.simulator.auth.Canonical;
import dev.ferry.simulator.auth.Tokens;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prepares and sends webhooks to the URL the app's descriptor gives for each event, signed HS256 with
 * the site's secret. Prepare-then-send lets a test deliver out of order; sending again is a duplicate.
 */
public final class Webhooks {

    static final long TOKEN_SECONDS = 180;

    private final AppClient app;
    private final Clock clock;
    private final AtomicLong ids = new AtomicLong(20_000);

    public Webhooks(AppClient app, Clock clock) {
        this.app = app;
        this.clock = clock;
    }

    /**
     * A delivery not yet sent; {@code happenedAt} earlier than now makes a late delivery.
     *
     * @throws IllegalArgumentException when the app did not subscribe to the event
     */
    public Delivery prepare(Descriptor descriptor, String event, JsonNode issue, Map<String, String[]> changes,
            String accountId, String siteUrl, Instant happenedAt) {
        return prepare(descriptor, event, issue, changes, null, accountId, siteUrl, happenedAt);
    }

    /** As above, carrying the changelog entry {id, items} the site recorded for an update. */
    public Delivery prepare(Descriptor descriptor, String event, JsonNode issue, Map<String, String[]> changes,
            JsonNode changelog, String accountId, String siteUrl, Instant happenedAt) {
        String url = descriptor.webhookUrl(event)
                .orElseThrow(() -> new IllegalArgumentException("the app's descriptor has no webhook for " + event));
        String body = WebhookBodies.body(event, issue, changes, changelog, accountId, siteUrl, happenedAt,
                ids.incrementAndGet()).toString();
        return new Delivery(UUID.randomUUID().toString(), event, url, body, 0);
    }

    /** A delivery of a body built elsewhere (a person's change on the site); empty when the app did not subscribe. */
    public java.util.Optional<Delivery> prepareBody(Descriptor descriptor, String event, String body) {
        return descriptor.webhookUrl(event).map(url -> new Delivery(UUID.randomUUID().toString(), event, url, body, 0));
    }

    /** Sends (or re-sends) a delivery; a delivery sent before goes out as Jira's retry with the retry count. */
    public Sent send(Delivery delivery, Descriptor descriptor, String clientKey, String secret) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "JWT " + token(delivery.url(), descriptor, clientKey, secret));
        headers.put("X-Atlassian-Webhook-Identifier", delivery.identifier());
        if (delivery.attempts() > 0) {
            headers.put("X-Atlassian-Webhook-Retry", Integer.toString(delivery.attempts()));
        }
        AppClient.Reply reply = app.postJson(delivery.url(), delivery.body(), headers);
        return new Sent(delivery.sent(), reply.status());
    }

    /** Sends the same delivery again without a retry header, as Jira sometimes delivers twice. */
    public Sent duplicate(Delivery delivery, Descriptor descriptor, String clientKey, String secret) {
        return send(new Delivery(delivery.identifier(), delivery.event(), delivery.url(), delivery.body(), 0),
                descriptor, clientKey, secret);
    }

    private String token(String url, Descriptor descriptor, String clientKey, String secret) {
        URI uri = URI.create(url);
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", clientKey);
        claims.put("iat", now);
        claims.put("exp", now + TOKEN_SECONDS);
        claims.put("qsh", Canonical.qsh("POST", uri.getRawPath(), uri.getRawQuery(), URI.create(descriptor.baseUrl()).getRawPath()));
        return Tokens.hs256(claims, secret);
    }

    /**
     * What happened when a delivery went out.
     *
     * @param delivery the delivery with its attempt count updated, to retry with
     */
    public record Sent(Delivery delivery, int status) {
    }
}
