package dev.ferry.web;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Finds a NUL character (U+0000) in what a request carries. PostgreSQL's text types cannot hold one, so
 * any that reached a column would fail the request deep inside with a database error.
 */
final class NulText {

    static final char NUL = '\u0000';
    private static final int MAX_DEPTH = 32;

    private NulText() {
    }

    static String refusal(String field) {
        return field + " must not contain the NUL character (\\u0000)";
    }

    static boolean contains(String text) {
        return text != null && text.indexOf(NUL) >= 0;
    }

    /** The path ({@code subject.title}, {@code variables.name}, {@code labels[2]}) of the first text holding a NUL. */
    static Optional<String> find(Object value, String path) {
        return find(value, path, 0);
    }

    private static Optional<String> find(Object value, String path, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return Optional.empty();
        }
        if (value instanceof CharSequence text) {
            return contains(text.toString()) ? Optional.of(path) : Optional.empty();
        }
        if (value instanceof JsonNode node) {
            return inNode(node, path, depth);
        }
        if (value instanceof Map<?, ?> map) {
            return inMap(map, path, depth);
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                Optional<String> found = find(item, path + "[" + i++ + "]", depth + 1);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        return value.getClass().isRecord() ? inRecord(value, path, depth) : Optional.empty();
    }

    private static Optional<String> inNode(JsonNode node, String path, int depth) {
        if (node.isString()) {
            return contains(node.asString()) ? Optional.of(path) : Optional.empty();
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                Optional<String> found = inEntry(property.getKey(), property.getValue(), path, depth);
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = inNode(node.get(i), path + "[" + i + "]", depth + 1);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> inMap(Map<?, ?> map, String path, int depth) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Optional<String> found = inEntry(String.valueOf(entry.getKey()), entry.getValue(), path, depth);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> inEntry(String key, Object value, String path, int depth) {
        String name = join(path, key.replace(NUL, '?'));
        return contains(key) ? Optional.of(name + " (the name)") : find(value, name, depth + 1);
    }

    private static Optional<String> inRecord(Object record, String path, int depth) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            try {
                component.getAccessor().setAccessible(true);
                Optional<String> found = find(component.getAccessor().invoke(record), join(path, component.getName()),
                        depth + 1);
                if (found.isPresent()) {
                    return found;
                }
            } catch (ReflectiveOperationException | RuntimeException unreadable) {
                // A component that cannot be read holds nothing a client sent.
            }
        }
        return Optional.empty();
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
