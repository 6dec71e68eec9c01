package dev.ferry.event;

import dev.ferry.refusal.BodyChecks;
import dev.ferry.template.VariableNames;
import dev.ferry.url.WebUrls;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Turns a posted event into a {@link ProductEvent}, or refuses it with a reason a product developer can act on
 * for every field that is wrong, all in one answer.
 */
@Component
public class EventValidator {

    private static final Pattern SUBJECT_TYPE = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");

    private final EventCatalog catalog;
    private final EventLimits properties;

    EventValidator(EventCatalog catalog, EventLimits properties) {
        this.catalog = catalog;
        this.properties = properties;
    }

    public ProductEvent validate(String organizationId, EventRequest request, String id, Instant now) {
        BodyChecks checks = new BodyChecks();
        Optional<EventTypeDefinition> type = type(organizationId, request.type(), checks);
        Map<String, String> variables = variables(request.variables(), checks);
        type.ifPresent(known -> {
            List<String> missing = known.requiredVariables().stream().filter(name -> isBlank(variables.get(name))).toList();
            checks.require(missing.isEmpty(), "/variables",
                    "missing variables for " + known.type() + ": " + String.join(", ", missing));
        });
        checks.require(request.idempotencyKey() == null || (!request.idempotencyKey().isBlank()
                && request.idempotencyKey().length() <= 255), "/idempotencyKey", "idempotencyKey must be 1 to 255 characters");
        subject(request.subject(), checks);
        Instant occurredAt = checks.attempt(() -> EventTimes.occurredAt(request.occurredAt(), now));
        checks.refuseIfAny();
        EventRequest.SubjectBody subject = request.subject();
        return new ProductEvent(id, organizationId, type.get().type(),
                new ProductEvent.Subject(subject.type(), subject.id(), subject.title(), subject.url()), variables,
                occurredAt, now, request.idempotencyKey());
    }

    private Optional<EventTypeDefinition> type(String organizationId, String name, BodyChecks checks) {
        if (!checks.require(name != null && !name.isBlank(), "/type", "type is required")) {
            return Optional.empty();
        }
        Optional<EventTypeDefinition> type = catalog.find(organizationId, name);
        checks.require(type.isPresent(), "/type",
                "unknown event type " + name + "; the organization's catalog does not have it");
        return type;
    }

    /** Whether a product object's type is one the panels, links and comments can speak of. */
    public static boolean isObjectType(String type) {
        return type != null && SUBJECT_TYPE.matcher(type).matches();
    }

    /** Whether a product object's id fits where Ferry keeps it (links, history, markers). */
    public static boolean isObjectId(String id) {
        return !isBlank(id) && id.length() <= 255;
    }

    /** Refuses an object reference the panels and links could not show. */
    public static void validSubject(EventRequest.SubjectBody subject) {
        BodyChecks checks = new BodyChecks();
        subject(subject, checks);
        checks.refuseIfAny();
    }

    private static void subject(EventRequest.SubjectBody subject, BodyChecks checks) {
        if (!checks.require(subject != null, "/subject", "subject is required")) {
            return;
        }
        checks.require(isObjectType(subject.type()), "/subject/type",
                "subject.type must be lower case letters, digits, '_', '.' or '-', at most 64 characters");
        checks.require(isObjectId(subject.id()), "/subject/id",
                "subject.id must be 1 to 255 characters");
        checks.require(!isBlank(subject.title()) && subject.title().length() <= 1024, "/subject/title",
                "subject.title must be 1 to 1024 characters");
        checks.require(subject.url() == null || isWebUrl(subject.url()), "/subject/url",
                "subject.url must be an http or https URL");
    }

    private Map<String, String> variables(Map<String, JsonNode> posted, BodyChecks checks) {
        Map<String, String> variables = new LinkedHashMap<>();
        if (posted == null || !checks.require(posted.size() <= properties.maxVariables(), "/variables",
                "at most " + properties.maxVariables() + " variables")) {
            return variables;
        }
        posted.forEach((name, value) -> variable(name, value, checks).ifPresent(text -> variables.put(name, text)));
        int stored = ProductEvents.variablesJson(variables).length();
        checks.require(stored <= ProductEvents.VARIABLES_COLUMN_CHARS, "/variables", "variables take " + stored
                + " characters as JSON; at most " + ProductEvents.VARIABLES_COLUMN_CHARS + " fit");
        return variables;
    }

    private Optional<String> variable(String name, JsonNode value, BodyChecks checks) {
        String at = "/variables/" + name.replace("~", "~0").replace("/", "~1");
        if (!checks.require(VariableNames.isPlain(name), at, "variable name " + abbreviate(name) + " is not a plain name")
                || !checks.require(value == null || value.isNull() || value.isValueNode(), at,
                        "variable " + name + " must be text, a number or a boolean")) {
            return Optional.empty();
        }
        String text = value == null || value.isNull() ? "" : value.asString();
        return checks.require(text.length() <= properties.maxVariableChars(), at,
                "variable " + name + " is longer than " + properties.maxVariableChars() + " characters")
                        ? Optional.of(text) : Optional.empty();
    }

    private static boolean isWebUrl(String url) {
        return url.length() <= 2048 && WebUrls.isHttp(url);
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

}
