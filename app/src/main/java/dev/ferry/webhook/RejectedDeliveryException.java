package dev.ferry.webhook;

/** A delivery that can never be applied, whatever the retry: it is recorded as rejected. */
public class RejectedDeliveryException extends RuntimeException {

    public RejectedDeliveryException(String reason) {
        super(reason);
    }
}
