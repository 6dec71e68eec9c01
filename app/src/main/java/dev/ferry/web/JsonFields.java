package dev.ferry.web;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.util.ClassUtil;

/** Names places and kinds in a JSON body the way a caller reads them, never as Java types. */
final class JsonFields {

    private JsonFields() {
    }

    /** Where the parser stands, as a JSON Pointer. */
    static String pointer(JsonParser parser) {
        return parser == null ? "" : parser.streamReadContext().pathAsPointer().toString();
    }

    /** {@code /subject/title} as {@code subject.title}, {@code /links/0} as {@code links[0]}; the root as "the body". */
    static String field(String pointer) {
        if (pointer.isEmpty()) {
            return "the body";
        }
        StringBuilder field = new StringBuilder();
        for (String segment : pointer.substring(1).split("/", -1)) {
            String name = segment.replace("~1", "/").replace("~0", "~");
            boolean index = !name.isEmpty() && name.chars().allMatch(Character::isDigit);
            field.append(index ? "[" + name + "]" : (field.isEmpty() ? "" : ".") + name);
        }
        return field.toString();
    }

    /** A bound property path such as {@code subject.title} or {@code links[0].id} as a JSON Pointer. */
    static String pointerOf(String propertyPath) {
        return "/" + propertyPath.replace("~", "~0").replace("/", "~1").replace("[", ".").replace("]", "")
                .replace('.', '/');
    }

    /** What a value of this Java type looks like in JSON. */
    static String expected(Class<?> type) {
        Class<?> boxed = type.isPrimitive() ? ClassUtil.wrapperType(type) : type;
        if (CharSequence.class.isAssignableFrom(boxed)) {
            return "text";
        }
        if (boxed == Boolean.class) {
            return "true or false";
        }
        if (boxed == Integer.class || boxed == Long.class || boxed == Short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(boxed)) {
            return "a number";
        }
        if (Temporal.class.isAssignableFrom(boxed)) {
            return "an ISO-8601 date-time such as 2026-03-01T10:15:30Z";
        }
        if (boxed.isEnum()) {
            return "one of " + String.join(", ", Arrays.stream(boxed.getEnumConstants()).map(Object::toString).toList());
        }
        if (boxed.isArray() || Collection.class.isAssignableFrom(boxed)) {
            return "an array";
        }
        return boxed == JsonNode.class ? "a JSON value" : "an object";
    }

    /** What the caller sent instead, for the refusal's second half. */
    static String found(JsonToken token, JsonParser parser) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "the text " + quoted(parser.getString());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + abbreviate(parser.getString());
            case VALUE_TRUE, VALUE_FALSE -> token.asString();
            case VALUE_NULL -> "null";
            default -> "something else";
        };
    }

    static String quoted(String text) {
        return "\"" + abbreviate(text) + "\"";
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** The names a typo was probably meant to be. */
    static String known(Collection<Object> names) {
        return names == null || names.isEmpty() ? ""
                : "; known fields: " + String.join(", ", names.stream().map(String::valueOf).toList());
    }
}
