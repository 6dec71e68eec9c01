package dev.ferry.event;

import static dev.ferry.web.ApiProblem.require;

import dev.ferry.template.VariableNames;
import dev.ferry.web.ApiProblem;
import dev.ferry.web.WebUrls;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Turns a posted event into a {@link ProductEvent}, or refuses it with a reason a product developer can act on. */
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
        require(request.type() != null && !request.type().isBlank(), "type is required");
        EventTypeDefinition type = catalog.find(organizationId, request.type()).orElseThrow(() -> ApiProblem
                .badRequest("unknown event type " + request.type() + "; the organization's catalog does not have it"));
        Map<String, String> variables = variables(request.variables());
        List<String> missing = type.requiredVariables().stream().filter(name -> isBlank(variables.get(name))).toList();
        require(missing.isEmpty(), "missing variables for " + type.type() + ": " + String.join(", ", missing));
        require(request.idempotencyKey() == null || (!request.idempotencyKey().isBlank()
                && request.idempotencyKey().length() <= 255), "idempotencyKey must be 1 to 255 characters");
        return new ProductEvent(id, organizationId, type.type(), subject(request.subject()), variables,
                EventTimes.occurredAt(request.occurredAt(), now), now, request.idempotencyKey());
    }

    private ProductEvent.Subject subject(EventRequest.SubjectBody subject) {
        validSubject(subject);
        return new ProductEvent.Subject(subject.type(), subject.id(), subject.title(), subject.url());
    }

    /** Refuses an object reference the panels and links could not show. */
    public static void validSubject(EventRequest.SubjectBody subject) {
        require(subject != null, "subject is required");
        require(subject.type() != null && SUBJECT_TYPE.matcher(subject.type()).matches(),
                "subject.type must be lower case letters, digits, '_', '.' or '-', at most 64 characters");
        require(!isBlank(subject.id()) && subject.id().length() <= 255, "subject.id must be 1 to 255 characters");
        require(!isBlank(subject.title()) && subject.title().length() <= 1024, "subject.title must be 1 to 1024 characters");
        require(subject.url() == null || isWebUrl(subject.url()), "subject.url must be an http or https URL");
    }

    private Map<String, String> variables(Map<String, JsonNode> posted) {
        Map<String, String> variables = new LinkedHashMap<>();
        if (posted == null) {
            return variables;
        }
        require(posted.size() <= properties.maxVariables(), "at most " + properties.maxVariables() + " variables");
        posted.forEach((name, value) -> {
            require(VariableNames.isPlain(name), "variable name " + abbreviate(name) + " is not a plain name");
            require(value == null || value.isNull() || value.isValueNode(), "variable " + name + " must be text, a number or a boolean");
            String text = value == null || value.isNull() ? "" : value.asString();
            require(text.length() <= properties.maxVariableChars(),
                    "variable " + name + " is longer than " + properties.maxVariableChars() + " characters");
            variables.put(name, text);
        });
        int stored = ProductEvents.variablesJson(variables).length();
        require(stored <= ProductEvents.VARIABLES_COLUMN_CHARS, "variables take " + stored
                + " characters as JSON; at most " + ProductEvents.VARIABLES_COLUMN_CHARS + " fit");
        return variables;
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
