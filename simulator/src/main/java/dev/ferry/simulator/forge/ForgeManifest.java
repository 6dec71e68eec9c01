package dev.ferry.simulator.forge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Forge reads from an app's {@code manifest.yml} to deliver to a remote: each trigger's events and endpoint,
 * each scheduled trigger, each UI module's resolver endpoint and resource, each endpoint's remote, route and token
 * settings, the remotes' base URLs and the scopes. {@code ${VAR}} placeholders are filled first, as the Forge CLI
 * does from the environment before it validates and deploys.
 */
public record ForgeManifest(String appId, String connectKey, List<String> scopes, Map<String, String> remotes,
        Map<String, Endpoint> endpoints, List<Trigger> triggers, Map<String, String> scheduledTriggers,
        Map<String, UiModule> uiModules, Map<String, String> resources, String preUninstallEndpoint) {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    /**
     * @param variables values for {@code ${VAR}}; a variable not given takes its {@code environment.variables}
     *                  default, and one with neither fails the parse
     */
    public static ForgeManifest parse(String yaml, Map<String, String> variables) {
        return parse(yaml, variables, Map.of());
    }

    /** @param lastResort values for variables neither given nor defaulted in the manifest */
    public static ForgeManifest parse(String yaml, Map<String, String> variables, Map<String, String> lastResort) {
        JsonNode raw = read(yaml);
        Map<String, String> values = new LinkedHashMap<>(lastResort);
        raw.path("environment").path("variables").forEach(variable -> {
            if (variable.has("default")) {
                values.put(variable.path("key").asText(), variable.path("default").asText());
            }
        });
        values.putAll(variables);
        return of(read(substitute(yaml, values)));
    }

    private static String substitute(String yaml, Map<String, String> values) {
        Matcher matcher = VARIABLE.matcher(yaml);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("the manifest names ${" + matcher.group(1) + "} and nothing sets it");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(out).toString();
    }

    private static ForgeManifest of(JsonNode root) {
        JsonNode modules = root.path("modules");
        Map<String, String> remotes = new LinkedHashMap<>();
        root.path("remotes").forEach(remote -> remotes.put(remote.path("key").asText(), remote.path("baseUrl").asText()));
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        modules.path("endpoint").forEach(endpoint -> endpoints.put(endpoint.path("key").asText(), new Endpoint(
                endpoint.path("key").asText(), endpoint.path("remote").asText(),
                endpoint.path("route").path("path").asText(""),
                endpoint.path("auth").path("appSystemToken").path("enabled").asBoolean(false),
                endpoint.path("auth").path("appUserToken").path("enabled").asBoolean(false))));
        List<Trigger> triggers = new ArrayList<>();
        modules.path("trigger").forEach(trigger -> {
            List<String> events = new ArrayList<>();
            trigger.path("events").forEach(event -> events.add(event.asText()));
            triggers.add(new Trigger(trigger.path("key").asText(), trigger.path("endpoint").asText(), List.copyOf(events)));
        });
        Map<String, String> scheduled = new LinkedHashMap<>();
        modules.path("scheduledTrigger").forEach(trigger ->
                scheduled.put(trigger.path("key").asText(), trigger.path("endpoint").asText()));
        Map<String, UiModule> ui = new LinkedHashMap<>();
        modules.fields().forEachRemaining(type -> type.getValue().forEach(module -> {
            if (module.path("resolver").has("endpoint")) {
                ui.put(module.path("key").asText(), new UiModule(type.getKey(), module.path("key").asText(),
                        module.path("resource").asText(null), module.path("resolver").path("endpoint").asText()));
            }
        }));
        // Forge sends no uninstalled event: the preUninstall module names the endpoint it calls instead.
        String preUninstall = modules.path("preUninstall").path(0).path("endpoint").asText(null);
        Map<String, String> resources = new LinkedHashMap<>();
        root.path("resources").forEach(resource -> resources.put(resource.path("key").asText(), resource.path("path").asText()));
        List<String> scopes = new ArrayList<>();
        root.path("permissions").path("scopes").forEach(scope -> scopes.add(scope.asText()));
        return new ForgeManifest(root.path("app").path("id").asText(), root.path("app").path("connect").path("key").asText(null),
                List.copyOf(scopes), remotes, endpoints, List.copyOf(triggers), scheduled, ui, resources, preUninstall);
    }

    /** The endpoint the trigger subscribed to this event delivers to, if any. */
    public Optional<Endpoint> endpointForEvent(String eventType) {
        return triggers.stream().filter(trigger -> trigger.events().contains(eventType)).findFirst()
                .map(trigger -> endpoint(trigger.endpoint()));
    }

    public Endpoint endpoint(String key) {
        Endpoint endpoint = endpoints.get(key);
        if (endpoint == null) {
            throw new IllegalArgumentException("the manifest has no endpoint " + key);
        }
        return endpoint;
    }

    /** The URL a trigger posts to: the remote's baseUrl and the endpoint's route. */
    public String url(Endpoint endpoint, String path) {
        String base = remotes.get(endpoint.remote());
        if (base == null) {
            throw new IllegalArgumentException("the manifest has no remote " + endpoint.remote());
        }
        return base.replaceAll("/+$", "") + path;
    }

    private static JsonNode read(String yaml) {
        try {
            return new YAMLMapper().readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("the manifest is no YAML", e);
        }
    }

    /** An {@code endpoint} module: where on which remote, and which tokens Forge sends along. */
    public record Endpoint(String key, String remote, String route, boolean systemToken, boolean userToken) {
    }

    /** A {@code trigger} module: the events it subscribes to and the endpoint it delivers them to. */
    public record Trigger(String key, String endpoint, List<String> events) {
    }

    /** A UI module (issue glance, panel, admin page) with a Custom UI resource and a remote resolver. */
    public record UiModule(String type, String key, String resource, String resolverEndpoint) {
    }
}
