package dev.ferry.url;

/** A URL Ferry will not call; the message is written for the person who gave it and never repeats its user-info. */
public class BlockedAddressException extends RuntimeException {

    public BlockedAddressException(String message) {
        super(message);
    }
}
