package dev.ferry.web;

import dev.ferry.refusal.InvalidBody;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.InvalidDefinitionException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads product API request bodies strictly: an unknown field is refused by name (a typo must not read as
 * a missing field), and every unknown field and wrong type is listed in one {@link InvalidBody}.
 * Only for {@code /api/**}: Jira's webhook and lifecycle bodies must ignore fields they do not know, as
 * Atlassian adds fields without notice. Writing stays with Spring's own converter.
 */
class ApiBodyConverter extends JacksonJsonHttpMessageConverter {

    static final String API_PREFIX = "/api/";
    static final String NO_BODY = "the request has no body; this call takes a JSON object";

    ApiBodyConverter(JsonMapper mapper) {
        super(mapper);
    }

    @Override
    public boolean canRead(ResolvableType type, MediaType mediaType) {
        return isApiRequest() && super.canRead(type, mediaType);
    }

    @Override
    public boolean canWrite(ResolvableType type, Class<?> valueClass, MediaType mediaType) {
        return false;
    }

    @Override
    public Object read(ResolvableType type, HttpInputMessage input, Map<String, Object> hints) throws IOException {
        BodyErrors errors = new BodyErrors();
        ObjectReader reader = getMapper().readerFor(getJavaType(type.getType(), null)).withHandler(errors)
                .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        Object body;
        try (JsonParser parser = reader.createParser(input.getBody())) {
            if (parser.nextToken() == null) {
                throw InvalidBody.of("", NO_BODY);
            }
            body = reader.readValue(parser);
            if (parser.nextToken() != null) {
                errors.add(JsonFields.pointer(parser), "the body goes on after its JSON value");
            }
        } catch (InvalidDefinitionException bug) {
            throw bug;
        } catch (JacksonException unreadable) {
            RequestTooLargeException.rethrowFrom(unreadable);
            throw errors.with(unreadable);
        }
        if (errors.any()) {
            throw errors.refusal();
        }
        return body;
    }

    private static boolean isApiRequest() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRequestURI().startsWith(request.getContextPath() + API_PREFIX);
        }
        return false;
    }
}
