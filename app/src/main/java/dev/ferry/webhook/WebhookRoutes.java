package dev.ferry.webhook;

import dev.ferry.descriptor.DescriptorTemplate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Which Jira event each webhook URL receives, read from the descriptor that declared them. */
@Component
class WebhookRoutes {

    static final String PREFIX = "/webhooks/";

    private final Map<String, String> eventBySlug = new HashMap<>();

    WebhookRoutes() {
        DescriptorTemplate.load().render("", "").at("/modules/webhooks").forEach(webhook -> {
            String url = webhook.get("url").asString();
            if (!url.startsWith(PREFIX)) {
                throw new IllegalStateException("webhook URL " + url + " is not under " + PREFIX);
            }
            eventBySlug.put(url.substring(PREFIX.length()), webhook.get("event").asString());
        });
    }

    Optional<String> eventFor(String slug) {
        return Optional.ofNullable(eventBySlug.get(slug));
    }
}
