package dev.ferry.callback;

import dev.ferry.principal.ApiCaller;
import dev.ferry.principal.ApiScope;
import dev.ferry.principal.RequiresScope;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The product API of callbacks: endpoints, their secret, a test event, recent messages, sending one again. */
@RestController
class CallbacksController {

    static final String PATH = "/api/v1/callbacks";
    private static final int RECENT = 50;

    private final Callbacks callbacks;

    CallbacksController(Callbacks callbacks) {
        this.callbacks = callbacks;
    }

    /** An endpoint as the API shows it; {@code secret} only in the answer to a create or a rotation. */
    record EndpointBody(String id, String url, List<String> events, String description, boolean enabled,
            Instant createdAt, Instant updatedAt, String secret) {

        static EndpointBody of(CallbackEndpoint endpoint, String secret) {
            return new EndpointBody(endpoint.id(), endpoint.url(),
                    endpoint.events().stream().map(event -> event.type).toList(), endpoint.description(),
                    endpoint.enabled(), endpoint.createdAt(), endpoint.updatedAt(), secret);
        }
    }

    @GetMapping(PATH)
    @RequiresScope(ApiScope.CONFIG_READ)
    List<EndpointBody> list(ApiCaller caller) {
        return callbacks.list(caller.organizationId()).stream().map(endpoint -> EndpointBody.of(endpoint, null)).toList();
    }

    @PostMapping(PATH)
    @RequiresScope(ApiScope.CONFIG_WRITE)
    ResponseEntity<EndpointBody> add(ApiCaller caller, @RequestBody Callbacks.Request request) {
        Callbacks.WithSecret added = callbacks.add(caller, request);
        return ResponseEntity.created(URI.create(PATH + "/" + added.endpoint().id()))
                .body(EndpointBody.of(added.endpoint(), added.secret()));
    }

    @GetMapping(PATH + "/{id}")
    @RequiresScope(ApiScope.CONFIG_READ)
    EndpointBody get(ApiCaller caller, @PathVariable String id) {
        return EndpointBody.of(callbacks.find(caller.organizationId(), id), null);
    }

    @PatchMapping(PATH + "/{id}")
    @RequiresScope(ApiScope.CONFIG_WRITE)
    EndpointBody edit(ApiCaller caller, @PathVariable String id, @RequestBody Callbacks.Request request) {
        return EndpointBody.of(callbacks.edit(caller, id, request), null);
    }

    @DeleteMapping(PATH + "/{id}")
    @RequiresScope(ApiScope.CONFIG_WRITE)
    ResponseEntity<Void> delete(ApiCaller caller, @PathVariable String id) {
        callbacks.delete(caller, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(PATH + "/{id}/rotate-secret")
    @RequiresScope(ApiScope.CONFIG_WRITE)
    EndpointBody rotate(ApiCaller caller, @PathVariable String id) {
        Callbacks.WithSecret rotated = callbacks.rotate(caller, id);
        return EndpointBody.of(rotated.endpoint(), rotated.secret());
    }

    @PostMapping(PATH + "/{id}/test")
    @RequiresScope(ApiScope.CONFIG_WRITE)
    ResponseEntity<MessageView> test(ApiCaller caller, @PathVariable String id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(callbacks.test(caller, id));
    }

    @GetMapping(PATH + "/{id}/attempts")
    @RequiresScope(ApiScope.CONFIG_READ)
    List<MessageView> attempts(ApiCaller caller, @PathVariable String id) {
        return callbacks.recent(caller.organizationId(), id, RECENT);
    }

    @PostMapping(PATH + "/messages/{id}/retry")
    @RequiresScope(ApiScope.CONFIG_WRITE)
    ResponseEntity<MessageView> retry(ApiCaller caller, @PathVariable long id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(callbacks.retry(caller, id));
    }
}
