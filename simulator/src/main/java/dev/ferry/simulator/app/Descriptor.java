package dev.ferry.simulator.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An app's Connect descriptor, read the way Jira reads it when a site installs the app. */
public record Descriptor(JsonNode json) {

    private static final Set<String> PAGE_TYPES = Set.of("generalPages", "adminPages", "configurePage", "postInstallPage");

    public String key() {
        return json.path("key").asText();
    }

    /** The Connect scopes the app asks for ({@code READ}, {@code WRITE}, {@code ADMIN}, ...), upper case. */
    public List<String> scopes() {
        List<String> scopes = new ArrayList<>();
        json.path("scopes").forEach(scope -> scopes.add(scope.asText().toUpperCase(java.util.Locale.ROOT)));
        return scopes;
    }

    /** The base URL without a trailing slash, the {@code aud} of signed installs. */
    public String baseUrl() {
        return json.path("baseUrl").asText().replaceAll("/+$", "");
    }

    /** The absolute URL of a lifecycle callback, if the descriptor declares it. */
    public Optional<String> lifecycleUrl(String event) {
        JsonNode url = json.path("lifecycle").path(event);
        return url.isTextual() ? Optional.of(absolute(url.asText())) : Optional.empty();
    }

    /** The absolute URL Jira posts the given webhook event to, if the app subscribed to it. */
    public Optional<String> webhookUrl(String event) {
        for (JsonNode hook : json.path("modules").path("webhooks")) {
            if (event.equals(hook.path("event").asText())) {
                return Optional.of(absolute(hook.path("url").asText()));
            }
        }
        return Optional.empty();
    }

    public List<String> webhookEvents() {
        List<String> events = new ArrayList<>();
        json.path("modules").path("webhooks").forEach(hook -> events.add(hook.path("event").asText()));
        return events;
    }

    /**
     * The relative URL of an iframe module: a glance's target, a web panel's or the configure page's url.
     * Module types hold arrays except {@code configurePage}, which is a single object.
     */
    public Optional<String> moduleUrl(String moduleKey) {
        return module(moduleKey).flatMap(found -> {
            JsonNode module = found.getValue();
            JsonNode url = module.path("target").has("url") ? module.path("target").path("url") : module.path("url");
            return url.isTextual() ? Optional.of(url.asText()) : Optional.empty();
        });
    }

    /**
     * The name of a page module, one Jira opens full-size at {@code /plugins/servlet/ac/{appKey}/{moduleKey}}
     * (general, admin, configure and post-install pages); empty for any other module, such as a web panel.
     */
    public Optional<String> pageName(String moduleKey) {
        return module(moduleKey).filter(found -> PAGE_TYPES.contains(found.getKey()))
                .map(found -> found.getValue().path("name").path("value").asText(moduleKey));
    }

    /** The module with this key and the type it is declared under. */
    private Optional<Map.Entry<String, JsonNode>> module(String moduleKey) {
        for (var type : (Iterable<Map.Entry<String, JsonNode>>) () -> json.path("modules").fields()) {
            JsonNode modules = type.getValue();
            for (JsonNode module : modules.isArray() ? modules : List.of(modules)) {
                if (moduleKey.equals(module.path("key").asText())) {
                    return Optional.of(Map.entry(type.getKey(), module));
                }
            }
        }
        return Optional.empty();
    }

    /** The key of the first module of a type, e.g. {@code jiraIssueGlances}, {@code webPanels}, {@code configurePage}. */
    public Optional<String> firstModuleKey(String moduleType) {
        JsonNode modules = json.path("modules").path(moduleType);
        JsonNode first = modules.isArray() ? modules.path(0) : modules;
        return first.has("key") ? Optional.of(first.path("key").asText()) : Optional.empty();
    }

    public String absolute(String relative) {
        return relative.startsWith("http") ? relative : baseUrl() + (relative.startsWith("/") ? "" : "/") + relative;
    }
}
