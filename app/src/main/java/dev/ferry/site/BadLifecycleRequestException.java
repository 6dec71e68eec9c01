package dev.ferry.site;

import dev.ferry.refusal.Refusal;

/** A verified lifecycle call whose body Ferry cannot accept; refused as invalid, with the reason. */
class BadLifecycleRequestException extends Refusal {

    BadLifecycleRequestException(String reason) {
        super(Kind.INVALID, "Invalid lifecycle callback", reason);
    }
}
