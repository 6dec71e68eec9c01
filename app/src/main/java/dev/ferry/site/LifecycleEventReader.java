package dev.ferry.site;

import dev.ferry.FerryProperties;
import dev.ferry.connect.ConnectPrincipal;
import dev.ferry.connect.InvalidTokenException;
import java.net.URI;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a lifecycle body once its token is verified, and refuses one that does not belong to this
 * request: another app's key, another event, another site than the token's issuer.
 */
@Component
class LifecycleEventReader {

    static final int MAX_SECRET_LENGTH = 128;
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final FerryProperties ferry;

    LifecycleEventReader(FerryProperties ferry) {
        this.ferry = ferry;
    }

    LifecycleEvent read(String body, String expectedEventType, ConnectPrincipal issuer) {
        LifecycleEvent event = parse(body);
        require(event.clientKey(), "clientKey");
        if (!issuer.clientKey().equals(event.clientKey())) {
            throw new InvalidTokenException("the token's iss is not the body's clientKey");
        }
        if (!expectedEventType.equals(event.eventType())) {
            throw new BadLifecycleRequestException("eventType " + event.eventType() + " was sent to the "
                    + expectedEventType + " endpoint");
        }
        if (!ferry.appKey().equals(event.key())) {
            throw new BadLifecycleRequestException("the body is for app key " + event.key() + ", not " + ferry.appKey());
        }
        if (event.clientKey().length() > 255) {
            throw new BadLifecycleRequestException("clientKey is longer than 255 characters");
        }
        requireUrl(event.baseUrl());
        if (event.eventType().equals("installed")) {
            require(event.sharedSecret(), "sharedSecret");
            require(event.productType(), "productType");
            if (event.sharedSecret().length() > MAX_SECRET_LENGTH) {
                throw new BadLifecycleRequestException("sharedSecret is longer than " + MAX_SECRET_LENGTH + " characters");
            }
        }
        return event;
    }

    private static LifecycleEvent parse(String body) {
        try {
            LifecycleEvent event = JSON.readValue(body, LifecycleEvent.class);
            if (event == null) {
                throw new BadLifecycleRequestException("the body is empty");
            }
            return event;
        } catch (JacksonException e) {
            throw new BadLifecycleRequestException("the body is not a JSON lifecycle event");
        }
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new BadLifecycleRequestException(field + " is missing");
        }
    }

    private static void requireUrl(String url) {
        require(url, "baseUrl");
        try {
            URI uri = new URI(url);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                    || url.length() > 512) {
                throw new BadLifecycleRequestException("baseUrl is not an http(s) URL");
            }
        } catch (java.net.URISyntaxException e) {
            throw new BadLifecycleRequestException("baseUrl is not a URL");
        }
    }
}
