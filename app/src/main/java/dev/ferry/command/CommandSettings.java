package dev.ferry.command;

import java.util.Map;

/** Settings every command starts with, under the operator's own. */
final class CommandSettings {

    /** A command's output is its report: Ferry's and the libraries' INFO lines would bury it. */
    static final Map<String, Object> QUIET = Map.of("logging.level.root", "warn", "logging.level.org.flywaydb", "error",
            "spring.main.log-startup-info", "false");

    private CommandSettings() {
    }
}
