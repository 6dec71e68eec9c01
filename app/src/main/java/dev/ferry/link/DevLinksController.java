package dev.ferry.link;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A development-only way to create links before the product API exists: off unless
 * {@code ferry.dev.internal-links-api=true}, and even then answering loopback callers only. The
 * simulator's demo uses it to show filled panels.
 */
@RestController
@ConditionalOnProperty(name = "ferry.dev.internal-links-api", havingValue = "true")
class DevLinksController {

    private final TicketLinks links;

    DevLinksController(TicketLinks links) {
        this.links = links;
    }

    @PostMapping("/internal/dev/links")
    ResponseEntity<Created> link(@Valid @RequestBody NewLink request, HttpServletRequest http) throws UnknownHostException {
        if (!InetAddress.getByName(http.getRemoteAddr()).isLoopbackAddress()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "the development links API answers loopback only");
        }
        TicketLink link = links.link(request.clientKey(), new IssueState(request.issueId(), request.issueKey(),
                request.statusName(), request.statusCategory(), Instant.now()), request.object(),
                request.origin() == null ? LinkOrigin.MANUAL : request.origin());
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(link.id()));
    }

    /** A link to create. */
    record NewLink(@NotBlank String clientKey, @NotBlank String issueId, @NotBlank String issueKey, String statusName,
            String statusCategory, @NotNull @Valid LinkedObject object, LinkOrigin origin) {
    }

    /** The created link's id. */
    record Created(long id) {
    }
}
