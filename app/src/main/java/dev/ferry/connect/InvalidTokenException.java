package dev.ferry.connect;

/** A request's token failed one check; the message names the check and never contains the token. */
public class InvalidTokenException extends RuntimeException {

    public InvalidTokenException(String reason) {
        super(reason);
    }
}
