package dev.ferry.forge;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The scheduled trigger that keeps a fresh app system token at hand. Forge offers a remote no way to ask for a token,
 * so Ferry's workers, which call Jira with no Forge call in flight, live on the last token Forge handed over; this
 * trigger hands one over every five minutes. The gate has already kept it (only when it outlives the one held), so
 * there is nothing left to do but answer.
 */
@RestController
class ForgeTokenRefreshController {

    @PostMapping("/forge/scheduled/token")
    ResponseEntity<Void> refreshed(ForgeCall call) {
        return ResponseEntity.noContent().build();
    }
}
