package dev.ferry.template;

import java.util.regex.Pattern;

/**
 * What a variable's name may be, one rule for the catalog, posted events and templates: a letter, then up to
 * 63 letters, digits or underscores. Nothing else can be a template's name, so a template cannot reach
 * anything but a variable.
 */
public final class VariableNames {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private VariableNames() {
    }

    public static boolean isPlain(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
