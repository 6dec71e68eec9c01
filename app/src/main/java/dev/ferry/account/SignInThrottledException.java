package dev.ferry.account;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A sign-in refused, without a password check, until earlier failures' wait is over. */
class SignInThrottledException extends AuthenticationException {

    private final Duration wait;

    SignInThrottledException(Duration wait) {
        super("too many failed sign-ins");
        this.wait = wait;
    }

    /** Whole seconds to wait, at least one. */
    long waitSeconds() {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
