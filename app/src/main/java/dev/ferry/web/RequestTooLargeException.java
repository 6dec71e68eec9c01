package dev.ferry.web;

/** A request body over {@code ferry.web.max-body-size}. */
class RequestTooLargeException extends RuntimeException {

    RequestTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes");
    }
}
