package dev.ferry.forge;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.ferry.refusal.Refusal;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of a Forge life cycle event ({@code avi:forge:installed:app}, {@code avi:forge:upgraded:app},
 * uninstall): {@code id} is the installation, {@code app} the app and its version. Unknown fields are ignored, as
 * Forge adds some over time; nothing in it is trusted beyond what the token already says.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ForgeLifecycleEvent(String id, String eventType, App app, Environment environment) {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @JsonIgnoreProperties(ignoreUnknown = true)
    record App(String id, String version) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Environment(String id) {
    }

    /** The event, once it is about the installation the token was minted for; an empty body is an event with no details. */
    static ForgeLifecycleEvent read(String body, ForgeInvocation invocation) {
        ForgeLifecycleEvent event;
        try {
            event = body == null || body.isBlank() ? null : JSON.readValue(body, ForgeLifecycleEvent.class);
        } catch (JacksonException e) {
            throw Refusal.invalid("the body is not a Forge life cycle event");
        }
        if (event == null) {
            return new ForgeLifecycleEvent(null, null, null, null);
        }
        // The token names the installation; an id in the body (the reference's payloads carry one) must agree.
        if (event.id() != null && !ForgeInstallation.uuid(event.id()).equals(ForgeInstallation.uuid(invocation.installationId()))) {
            throw Refusal.invalid("the life cycle event is about another installation than the token's");
        }
        return event;
    }

    String version() {
        return app == null ? null : app.version();
    }
}
