package dev.ferry.delivery;

/**
 * A worker's claim on a delivery ran out and another worker claimed it: whatever the first was about to
 * write is no longer its to write, and the new owner works from what the row says.
 */
class LeaseLostException extends RuntimeException {

    LeaseLostException(OutboundDelivery delivery) {
        super("delivery " + delivery.id() + " was claimed again after claim " + delivery.attempts() + " ran out");
    }
}
