package dev.ferry.callback;

import dev.ferry.audit.AuditAction;
import dev.ferry.audit.AuditLog;
import dev.ferry.principal.Caller;
import dev.ferry.refusal.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organization's callback endpoints, for the product API and the console alike: add, edit, delete, rotate the
 * secret, send a test event, send a message again. Each change is audited; another organization's id is unknown.
 */
@Service
class Callbacks {

    private final CallbackEndpoints endpoints;
    private final CallbackOutbox outbox;
    private final CallbackSecrets secrets;
    private final EndpointInput input;
    private final AuditLog audit;
    private final Clock clock;

    Callbacks(CallbackEndpoints endpoints, CallbackOutbox outbox, CallbackSecrets secrets, EndpointInput input,
            AuditLog audit, Clock clock) {
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.secrets = secrets;
        this.input = input;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a person or program asks for; a null field of an edit keeps what the endpoint has. */
    record Request(String url, List<String> events, String description, Boolean enabled) {
    }

    /** An endpoint with its secret in the clear: only the answer to a create or a rotation carries one. */
    record WithSecret(CallbackEndpoint endpoint, String secret) {
    }

    @Transactional
    WithSecret add(Caller caller, Request request) {
        var events = EndpointInput.events(request.events());
        String description = EndpointInput.description(request.description());
        String url = input.url(request.url()); // last: it may ask DNS
        String id = UUID.randomUUID().toString();
        String secret = Signatures.newSecret();
        Instant now = clock.instant();
        CallbackEndpoint endpoint = new CallbackEndpoint(id, caller.organizationId(), url, events, description,
                request.enabled() == null || request.enabled(), secrets.seal(id, secret), now, now);
        endpoints.insert(endpoint);
        audit.record(caller.organizationId(), caller.actor(), AuditAction.CALLBACK_ENDPOINT_ADDED, id, summary(endpoint));
        return new WithSecret(endpoint, secret);
    }

    List<CallbackEndpoint> list(String organizationId) {
        return endpoints.list(organizationId);
    }

    CallbackEndpoint find(String organizationId, String id) {
        return endpoints.find(organizationId, id).orElseThrow(() -> noEndpoint(id));
    }

    @Transactional
    CallbackEndpoint edit(Caller caller, String id, Request request) {
        CallbackEndpoint endpoint = find(caller.organizationId(), id);
        CallbackEndpoint edited = endpoint.edited(request.url() == null ? endpoint.url() : input.url(request.url()),
                request.events() == null ? endpoint.events() : EndpointInput.events(request.events()),
                request.description() == null ? endpoint.description() : EndpointInput.description(request.description()),
                request.enabled() == null ? endpoint.enabled() : request.enabled(), clock.instant());
        endpoints.update(edited);
        audit.record(caller.organizationId(), caller.actor(), AuditAction.CALLBACK_ENDPOINT_EDITED, id, summary(edited));
        return edited;
    }

    /** Its messages go with it, sent or not. */
    @Transactional
    void delete(Caller caller, String id) {
        CallbackEndpoint endpoint = find(caller.organizationId(), id);
        endpoints.delete(caller.organizationId(), id);
        audit.record(caller.organizationId(), caller.actor(), AuditAction.CALLBACK_ENDPOINT_DELETED, id, endpoint.url());
    }

    /** A new secret at once: messages not yet sent are signed with it, and the old one stops working. */
    @Transactional
    WithSecret rotate(Caller caller, String id) {
        CallbackEndpoint endpoint = find(caller.organizationId(), id);
        String secret = Signatures.newSecret();
        CallbackEndpoint rotated = endpoint.withSecret(secrets.seal(id, secret), clock.instant());
        endpoints.update(rotated);
        audit.record(caller.organizationId(), caller.actor(), AuditAction.CALLBACK_SECRET_ROTATED, id, endpoint.url());
        return new WithSecret(rotated, secret);
    }

    /** Queues a {@code callback.test} message for the endpoint, whatever it subscribed to; answers the message. */
    @Transactional
    MessageView test(Caller caller, String id) {
        CallbackEndpoint endpoint = find(caller.organizationId(), id);
        String webhookId = CallbackBodies.newWebhookId();
        long messageId = outbox.enqueue(endpoint, webhookId, CallbackEvent.TEST, "test:" + webhookId,
                CallbackBodies.test(id, clock.instant()));
        audit.record(caller.organizationId(), caller.actor(), AuditAction.CALLBACK_TEST_SENT, id, webhookId);
        return outbox.find(caller.organizationId(), messageId).orElseThrow();
    }

    /** A delivered message is refused (409): it arrived, and sending it again is for the product to ask of itself. */
    @Transactional
    MessageView retry(Caller caller, long messageId) {
        String status = outbox.retry(caller.organizationId(), messageId)
                .orElseThrow(() -> Refusal.notFound("no callback message " + messageId + " in this organization"));
        if (status.equals("DELIVERED")) {
            throw Refusal.conflict("callback message " + messageId + " was delivered: there is nothing to send again");
        }
        MessageView message = outbox.find(caller.organizationId(), messageId).orElseThrow();
        audit.record(caller.organizationId(), caller.actor(), AuditAction.CALLBACK_RETRIED, message.endpointId(),
                message.webhookId());
        return message;
    }

    List<MessageView> recent(String organizationId, String id, int limit) {
        return outbox.recent(find(organizationId, id).id(), limit);
    }

    static Refusal noEndpoint(String id) {
        return Refusal.notFound("no callback endpoint " + id + " in this organization");
    }

    private static String summary(CallbackEndpoint endpoint) {
        return endpoint.url() + " events=" + endpoint.events().stream().map(event -> event.type).toList()
                + (endpoint.enabled() ? "" : " (disabled)");
    }
}
