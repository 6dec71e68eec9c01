package dev.ferry.simulator.demo;

/** Why the demo cannot start, said in one line on stderr (exit code 2) instead of a stack trace. */
final class DemoRefusal extends RuntimeException {

    static final int EXIT_CODE = 2;

    DemoRefusal(String message) {
        super(message, null, false, false);
    }
}
