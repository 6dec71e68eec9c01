package dev.ferry.forge;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Forge's life cycle triggers, each an endpoint of Ferry's remote. The gate has verified the token (and refused an
 * uninstalled installation) before the body is read; the body only has to be about the token's installation.
 */
@RestController
@RequestMapping("/forge/lifecycle")
class ForgeLifecycleController {

    private final ForgeLifecycle lifecycle;

    ForgeLifecycleController(ForgeLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @PostMapping("/installed")
    ResponseEntity<Void> installed(ForgeCall call, @RequestBody(required = false) String body,
            @RequestHeader(name = ForgeRemoteGate.SYSTEM_TOKEN_HEADER, required = false) String systemToken) {
        lifecycle.installed(call.invocation(), ForgeLifecycleEvent.read(body, call.invocation()),
                ForgeRemoteGate.token(systemToken));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/upgraded")
    ResponseEntity<Void> upgraded(ForgeCall call, @RequestBody(required = false) String body) {
        lifecycle.upgraded(call.invocation(), ForgeLifecycleEvent.read(body, call.invocation()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/uninstalled")
    ResponseEntity<Void> uninstalled(ForgeCall call, @RequestBody(required = false) String body) {
        ForgeLifecycleEvent.read(body, call.invocation());
        lifecycle.uninstalled(call.invocation());
        return ResponseEntity.noContent().build();
    }
}
