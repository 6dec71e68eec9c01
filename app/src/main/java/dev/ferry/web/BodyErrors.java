package dev.ferry.web;

import static dev.ferry.web.JsonFields.expected;
import static dev.ferry.web.JsonFields.field;
import static dev.ferry.web.JsonFields.found;
import static dev.ferry.web.JsonFields.pointer;

import dev.ferry.refusal.BodyError;
import dev.ferry.refusal.InvalidBody;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.util.ClassUtil;

/**
 * Collects what is wrong with one request body while Jackson reads on past it, so the answer lists every
 * unknown field and wrong type at once instead of the first; its words name JSON, never Java classes.
 * One instance per read.
 */
final class BodyErrors extends DeserializationProblemHandler {

    private final List<BodyError> errors = new ArrayList<>();

    /**
     * A typo such as {@code varibles} is named as such, not later as "missing variables". A record's unknown
     * fields come from a buffer replayed once the record is read, when the reading parser stands just past
     * the record's object: the field's place is that object's place plus its name.
     */
    @Override
    public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
            ValueDeserializer<?> deserializer, Object beanOrClass, String propertyName) {
        String at = parser == context.getParser() ? pointer(parser)
                : pointer(context.getParser()) + "/" + propertyName.replace("~", "~0").replace("/", "~1");
        add(at, "unknown field " + field(at) + JsonFields.known(deserializer.getKnownPropertyNames()));
        parser.skipChildren();
        return true;
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext context, JavaType targetType, JsonToken token,
            JsonParser parser, String failureMsg) {
        wrongType(parser, targetType.getRawClass(), token);
        parser.skipChildren();
        return placeholder(targetType.getRawClass());
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext context, Class<?> targetType, String value,
            String failureMsg) {
        wrongType(context.getParser(), targetType, JsonToken.VALUE_STRING);
        return placeholder(targetType);
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext context, Class<?> targetType, Number value,
            String failureMsg) {
        wrongType(context.getParser(), targetType, context.getParser().currentToken());
        return placeholder(targetType);
    }

    /** A number or text where an object belongs; an object there that still cannot be made is Ferry's bug. */
    @Override
    public Object handleMissingInstantiator(DeserializationContext context, Class<?> instClass,
            ValueInstantiator instantiator, JsonParser parser, String msg) {
        JsonParser at = parser == null ? context.getParser() : parser;
        if (at == null || at.currentToken() == JsonToken.START_OBJECT) {
            return NOT_HANDLED;
        }
        wrongType(at, instClass, at.currentToken());
        at.skipChildren();
        return placeholder(instClass);
    }

    /** Adds the failure Jackson could not read past (broken JSON, say) to what was found before it. */
    InvalidBody with(JacksonException failure) {
        if (failure instanceof StreamReadException broken && !(failure instanceof MismatchedInputException)) {
            add(pointer(broken.processor()), "the body is not well-formed JSON" + where(failure) + ": " + firstLine(failure));
        } else if (failure instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String at = pointerOf(failure);
            add(at, field(at) + " must be " + expected(mismatch.getTargetType()));
        } else {
            String at = pointerOf(failure);
            add(at, field(at) + " could not be read");
        }
        return refusal();
    }

    void add(String pointer, String detail) {
        errors.add(new BodyError(pointer, detail));
    }

    boolean any() {
        return !errors.isEmpty();
    }

    InvalidBody refusal() {
        return new InvalidBody(errors);
    }

    private void wrongType(JsonParser parser, Class<?> type, JsonToken token) {
        String at = pointer(parser);
        add(at, field(at) + " must be " + expected(type) + ", not " + found(token, parser));
    }

    /** What stands in for a refused value while reading goes on; the body is refused in the end. */
    private static Object placeholder(Class<?> type) {
        return type.isPrimitive() ? ClassUtil.defaultValue(type) : null;
    }

    private static String pointerOf(JacksonException failure) {
        StringBuilder pointer = new StringBuilder();
        for (JacksonException.Reference reference : failure.getPath()) {
            String name = reference.getPropertyName();
            pointer.append('/').append(name != null ? name.replace("~", "~0").replace("/", "~1") : reference.getIndex());
        }
        return pointer.toString();
    }

    private static String where(JacksonException failure) {
        var location = failure.getLocation();
        return location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String firstLine(JacksonException failure) {
        String message = failure.getOriginalMessage();
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
