package dev.ferry.account;

import org.springframework.security.core.AuthenticationException;

/** A sign-in refused because of too many recent failures for the email or the client address. */
class SignInThrottledException extends AuthenticationException {

    SignInThrottledException() {
        super("too many failed sign-ins");
    }
}
