package dev.ferry.command;

/** A command cannot go on, for a reason the operator can act on: printed as it is, exit code 1. */
class CommandFailure extends RuntimeException {

    CommandFailure(String message) {
        super(message);
    }
}
