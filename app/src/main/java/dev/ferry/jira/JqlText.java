package dev.ferry.jira;

import java.util.Collection;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes values into JQL safely: every value becomes a double-quoted JQL string with {@code \} and
 * {@code "} escaped, and the names that cannot be quoted (property keys and paths) must be plain.
 */
final class JqlText {

    private static final Pattern PROPERTY_KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,255}");
    private static final Pattern PROPERTY_PATH = Pattern.compile("[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*");

    private JqlText() {
    }

    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String byProperty(String projectKey, String propertyKey, String path, String value) {
        require(PROPERTY_KEY, propertyKey, "property key");
        require(PROPERTY_PATH, path, "property path");
        return "project = " + quote(projectKey) + " AND issue.property[" + propertyKey + "]." + path + " = " + quote(value);
    }

    static String idIn(Collection<String> ids) {
        return "id in (" + ids.stream().map(JqlText::quote).collect(Collectors.joining(", ")) + ")";
    }

    private static void require(Pattern pattern, String text, String what) {
        if (text == null || !pattern.matcher(text).matches()) {
            throw new IllegalArgumentException("not a JQL " + what + ": " + text);
        }
    }
}
