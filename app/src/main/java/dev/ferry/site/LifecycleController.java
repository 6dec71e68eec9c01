package dev.ferry.site;

import dev.ferry.connect.ConnectJwt;
import dev.ferry.connect.TokenKind;
import dev.ferry.connect.VerifiedToken;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Jira's lifecycle callbacks. The body arrives as text and is read only after the interceptor has
 * verified the token, so nothing in it is trusted before then.
 */
@RestController
@RequestMapping(path = "/lifecycle", consumes = MediaType.APPLICATION_JSON_VALUE)
class LifecycleController {

    private final Lifecycle lifecycle;
    private final LifecycleEventReader reader;

    LifecycleController(Lifecycle lifecycle, LifecycleEventReader reader) {
        this.lifecycle = lifecycle;
        this.reader = reader;
    }

    @PostMapping("/installed")
    @ConnectJwt(TokenKind.INSTALL)
    ResponseEntity<Void> installed(VerifiedToken token, @RequestBody String body) {
        lifecycle.installed(token, reader.read(body, "installed", token.principal()), body);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/uninstalled")
    @ConnectJwt(TokenKind.INSTALL)
    ResponseEntity<Void> uninstalled(VerifiedToken token, @RequestBody String body) {
        lifecycle.uninstalled(token, reader.read(body, "uninstalled", token.principal()), body);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/enabled")
    @ConnectJwt
    ResponseEntity<Void> enabled(VerifiedToken token, @RequestBody String body) {
        lifecycle.enabled(token, reader.read(body, "enabled", token.principal()), body);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/disabled")
    @ConnectJwt
    ResponseEntity<Void> disabled(VerifiedToken token, @RequestBody String body) {
        lifecycle.disabled(token, reader.read(body, "disabled", token.principal()), body);
        return ResponseEntity.noContent().build();
    }
}
