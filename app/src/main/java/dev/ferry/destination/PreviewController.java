package dev.ferry.destination;

import dev.ferry.principal.ApiCaller;
import dev.ferry.principal.ApiScope;
import dev.ferry.principal.RequiresScope;
import dev.ferry.refusal.Refusal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Renders a rule, saved or not yet saved, against sample variables; nothing is filed and nothing is stored. */
@RestController
class PreviewController {

    private final Destinations destinations;
    private final Previews previews;

    PreviewController(Destinations destinations, Previews previews) {
        this.destinations = destinations;
        this.previews = previews;
    }

    @PostMapping("/api/v1/destinations/{id}/rules/{eventType}/preview")
    @RequiresScope(ApiScope.CONFIG_READ)
    Previews.Preview rule(ApiCaller caller, @PathVariable String id, @PathVariable String eventType,
            @RequestBody(required = false) Previews.Sample sample) {
        Rule rule = destinations.find(caller, id).rule(eventType)
                .orElseThrow(() -> Refusal.notFound("the destination has no rule for " + eventType));
        return previews.rule(eventType, rule, sample);
    }

    @PostMapping("/api/v1/templates/preview")
    @RequiresScope(ApiScope.CONFIG_READ)
    Previews.Preview draft(ApiCaller caller, @RequestBody Previews.Draft draft) {
        return previews.draft(draft);
    }
}
