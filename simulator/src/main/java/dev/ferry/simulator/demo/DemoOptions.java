package dev.ferry.simulator.demo;

import java.util.List;
import java.util.OptionalInt;

/**
 * The demo's command line: {@code --once}, {@code --port=} (Ferry's port; unset: 8080 or any free port),
 * {@code --jira-port=} (the simulated site's; unset: any free port) and {@code --forge} (install Ferry as a Forge app
 * instead of through Connect).
 */
record DemoOptions(boolean once, OptionalInt ferryPort, OptionalInt jiraPort, boolean forge) {

    static final String FERRY_PORT = "--port=";
    static final String JIRA_PORT = "--jira-port=";

    static DemoOptions parse(List<String> args) {
        boolean once = false;
        OptionalInt ferryPort = OptionalInt.empty();
        OptionalInt jiraPort = OptionalInt.empty();
        boolean forge = false;
        for (String arg : args) {
            if (arg.equals("--once")) {
                once = true;
            } else if (arg.equals("--forge")) {
                forge = true;
            } else if (arg.startsWith(FERRY_PORT)) {
                ferryPort = OptionalInt.of(port(arg, FERRY_PORT));
            } else if (arg.startsWith(JIRA_PORT)) {
                jiraPort = OptionalInt.of(port(arg, JIRA_PORT));
            } else {
                throw new DemoRefusal("unknown option " + arg + "; the demo takes --once, --forge, " + FERRY_PORT + "PORT and "
                        + JIRA_PORT + "PORT");
            }
        }
        return new DemoOptions(once, ferryPort, jiraPort, forge);
    }

    private static int port(String arg, String flag) {
        String value = arg.substring(flag.length());
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // Refused below, with the same words as a number out of range.
        }
        throw new DemoRefusal(arg + " is not a port: give a number from 1 to 65535");
    }
}
