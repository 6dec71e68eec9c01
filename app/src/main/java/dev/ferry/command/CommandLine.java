package dev.ferry.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's own options ({@code --from=…}) apart from everything else, which is handed on to Spring as settings
 * ({@code --spring.datasource.url=…}, {@code --ferry.secret-key=…}).
 */
record CommandLine(Map<String, String> options, List<String> rest) {

    static CommandLine parse(List<String> args, Set<String> known) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 2 ? arg.substring(2, equals) : null;
            if (name != null && known.contains(name)) {
                options.put(name, arg.substring(equals + 1));
            } else {
                rest.add(arg);
            }
        }
        return new CommandLine(options, rest);
    }

    String required(String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageError("--" + name + "=… is required");
        }
        return value;
    }

    String optional(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    /** Wrong or missing options: printed with the usage, exit code 2. */
    static class UsageError extends RuntimeException {

        UsageError(String message) {
            super(message);
        }
    }
}
