package dev.ferry.descriptor;

import static dev.ferry.descriptor.ForgeManifest.ordered;

import dev.ferry.descriptor.ForgeModules.Endpoint;
import dev.ferry.descriptor.ForgeModules.UiModule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The manifest's {@code modules}: Forge Remote endpoints, the triggers that call them, and the Custom UI modules and
 * property index that replace the descriptor's Connect modules, named from the descriptor.
 */
final class ForgeModuleList {

    private ForgeModuleList() {
    }

    static Map<String, Object> of(JsonNode descriptor) {
        Map<String, Object> modules = new LinkedHashMap<>();
        modules.put("endpoint", endpoints());
        modules.put("trigger", triggers(descriptor));
        modules.put("preUninstall", ForgeModules.LIFECYCLE.stream().filter(lifecycle -> lifecycle.events().isEmpty())
                .map(lifecycle -> (Object) ordered("key", ForgeModules.PRE_UNINSTALL, "endpoint", lifecycle.key()))
                .toList());
        modules.put("scheduledTrigger", List.of(ordered("key", ForgeModules.TOKEN_ENDPOINT + "-schedule",
                "endpoint", ForgeModules.TOKEN_ENDPOINT, "interval", ForgeModules.TOKEN_INTERVAL)));
        JsonNode connect = descriptor.get("modules");
        modules.putAll(uiModules(connect));
        modules.put("jira:entityProperty", entityProperties(connect.path("jiraEntityProperties")));
        return modules;
    }

    /** One Forge module per Forge key: two Connect modules that became one panel are declared once. */
    private static Map<String, List<Object>> uiModules(JsonNode connect) {
        Map<String, List<Object>> byType = new LinkedHashMap<>();
        Set<String> declared = new HashSet<>();
        for (UiModule ui : ForgeModules.UI) {
            JsonNode module = connectModule(connect, ui);
            if (declared.add(ui.forgeType() + " " + ui.forgeKey())) {
                byType.computeIfAbsent(ui.forgeType(), type -> new ArrayList<>()).add(uiModule(ui, module));
            }
        }
        return byType;
    }

    /** Every endpoint gets the app system token, so each Forge call hands Ferry a fresh one. */
    private static List<Object> endpoints() {
        List<Object> endpoints = new ArrayList<>();
        Map<String, Object> system = ordered("appSystemToken", ordered("enabled", true));
        for (Endpoint endpoint : ForgeManifest.endpoints()) {
            endpoints.add(ordered("key", endpoint.key(), "remote", ForgeModules.REMOTE,
                    "route", ordered("path", endpoint.route()), "auth", system));
        }
        endpoints.add(ordered("key", ForgeModules.UI_ENDPOINT, "remote", ForgeModules.REMOTE, "auth",
                ordered("appSystemToken", ordered("enabled", true), "appUserToken", ordered("enabled", true))));
        return endpoints;
    }

    private static List<Object> triggers(JsonNode descriptor) {
        List<Object> triggers = new ArrayList<>();
        for (Endpoint lifecycle : ForgeModules.LIFECYCLE) {
            if (!lifecycle.events().isEmpty()) {
                triggers.add(ordered("key", lifecycle.key() + "-trigger", "endpoint", lifecycle.key(),
                        "events", lifecycle.events()));
            }
        }
        triggers.add(ordered("key", ForgeModules.EVENTS_ENDPOINT + "-trigger", "endpoint", ForgeModules.EVENTS_ENDPOINT,
                "events", events(descriptor)));
        return triggers;
    }

    /** The descriptor's webhooks in Forge's names; a webhook the table does not know stops the build. */
    private static List<String> events(JsonNode descriptor) {
        List<String> events = new ArrayList<>();
        for (JsonNode webhook : descriptor.at("/modules/webhooks")) {
            String event = webhook.get("event").asString();
            if (ForgeModules.EVENTS.stream().noneMatch(known -> known.connect().equals(event))) {
                throw new IllegalStateException("ForgeModules.EVENTS has no row for the webhook " + event);
            }
            ForgeModules.forgeEventFor(event).ifPresent(events::add);
        }
        return events;
    }

    private static JsonNode connectModule(JsonNode connect, UiModule ui) {
        JsonNode ofType = connect.path(ui.connectType());
        for (JsonNode module : ofType.isArray() ? ofType : List.of(ofType)) {
            if (module.path("key").asString("").equals(ui.connectKey())) {
                return module;
            }
        }
        throw new IllegalStateException("the descriptor has no " + ui.connectType() + " " + ui.connectKey());
    }

    /** A Custom UI module: the front end in {@code resource}, its data from Ferry through the UI endpoint. */
    private static Map<String, Object> uiModule(UiModule ui, JsonNode connect) {
        Map<String, Object> module = ordered("key", ui.forgeKey(), "resource", ui.resource(),
                "resolver", ordered("endpoint", ForgeModules.UI_ENDPOINT), "title", connect.at("/name/value").asString());
        String label = connect.at("/content/label/value").asString("");
        if (!label.isEmpty()) {
            module.put("label", label);
        }
        // The glance keeps its Connect icon; Forge also requires one on an issue panel, where Connect had none.
        if (connect.has("icon") || ui.forgeType().equals("jira:issuePanel")) {
            module.put("icon", "resource:" + ui.resource() + ";" + ForgeModules.ICON);
        }
        if (ui.forgeType().equals("jira:adminPage")) {
            module.put("useAsConfig", true);
        }
        return module;
    }

    /** Connect's {@code keyConfigurations} in Forge's shape, so JQL on the delivery marker keeps working. */
    private static List<Object> entityProperties(JsonNode connect) {
        List<Object> indexes = new ArrayList<>();
        for (JsonNode index : connect) {
            for (JsonNode key : index.path("keyConfigurations")) {
                List<Object> values = new ArrayList<>();
                key.path("extractions").forEach(extraction -> values.add(ordered("path",
                        extraction.get("objectName").asString(), "type", extraction.get("type").asString(),
                        "searchAlias", extraction.get("alias").asString())));
                indexes.add(ordered("key", index.get("key").asString(), "entityType",
                        index.path("entityType").asString("issue"), "propertyKey", key.get("propertyKey").asString(),
                        "values", values));
            }
        }
        return indexes;
    }
}
