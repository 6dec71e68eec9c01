package dev.ferry.callback;

import dev.ferry.refusal.Refusal;
import dev.ferry.url.BlockedAddressException;
import dev.ferry.url.OutboundGuard;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Reads what a person or program gave for an endpoint, refusing it in words they can act on before anything is stored. */
@Component
class EndpointInput {

    static final int MAX_URL = 2048;
    static final int MAX_DESCRIPTION = 500;

    private final OutboundGuard guard;

    EndpointInput(OutboundGuard guard) {
        this.guard = guard;
    }

    /** An https URL the outbound guard lets Ferry call (http only to a host the operator listed). */
    String url(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw Refusal.invalid("url is required: the https address Ferry posts callbacks to");
        }
        if (text.length() > MAX_URL) {
            throw Refusal.invalid("url is longer than " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw Refusal.invalid("url is not a URL: write it as https://your-product.example/ferry-callbacks");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw Refusal.invalid("url must be an https URL such as https://your-product.example/ferry-callbacks");
        }
        if (uri.getRawFragment() != null) {
            throw Refusal.invalid("url may not have a #fragment");
        }
        try {
            guard.checkCallback(uri);
        } catch (BlockedAddressException e) {
            throw Refusal.invalid("url refused: " + e.getMessage());
        }
        return text;
    }

    /** The events named, each known; absent means every event. */
    static Set<CallbackEvent> events(List<String> names) {
        if (names == null) {
            return EnumSet.allOf(CallbackEvent.class);
        }
        if (names.isEmpty()) {
            throw Refusal.invalid("events must name at least one of: " + CallbackEvent.known());
        }
        Set<CallbackEvent> events = EnumSet.noneOf(CallbackEvent.class);
        for (String name : names) {
            events.add(CallbackEvent.named(name == null ? "" : name.strip()).orElseThrow(() -> Refusal.invalid(
                    "unknown event " + name + " in events; known events: " + CallbackEvent.known())));
        }
        return events;
    }

    static String description(String text) {
        String stripped = text == null ? null : text.strip();
        if (stripped != null && stripped.length() > MAX_DESCRIPTION) {
            throw Refusal.invalid("description is longer than " + MAX_DESCRIPTION + " characters");
        }
        return stripped == null || stripped.isEmpty() ? null : stripped;
    }
}
