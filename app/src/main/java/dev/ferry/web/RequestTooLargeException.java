package dev.ferry.web;

import java.util.Optional;

/** A request body over {@code ferry.web.max-body-size}. */
class RequestTooLargeException extends RuntimeException {

    RequestTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes");
    }

    /**
     * Throws the limit's refusal if it is what broke a read: a JSON reader wraps what the counting stream
     * threw, and a chunked body over the limit is a 413, not a body that could not be read.
     */
    static void rethrowFrom(Throwable failure) {
        Optional<RequestTooLargeException> tooLarge = in(failure);
        if (tooLarge.isPresent()) {
            throw tooLarge.get();
        }
    }

    static Optional<RequestTooLargeException> in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestTooLargeException tooLarge) {
                return Optional.of(tooLarge);
            }
        }
        return Optional.empty();
    }
}
