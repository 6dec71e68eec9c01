package dev.ferry.account;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What the sign-in page tells whoever set Ferry up, until someone has chosen a password of their own: where the
 * first admin's password is. {@link FirstAdmin} writes a generated one to the log, once, and nowhere else.
 */
@Component
class FirstSignIn {

    private final AccountRepository accounts;
    private final AccountProperties.FirstAdmin settings;

    FirstSignIn(AccountRepository accounts, AccountProperties properties) {
        this.accounts = accounts;
        this.settings = properties.firstAdmin();
    }

    /** Empty once any account has its own password: from then on the page says nothing about the set-up. */
    Optional<String> hint() {
        if (accounts.countAll() == 0 || accounts.countWithOwnPassword() > 0) {
            return Optional.empty();
        }
        if (settings.hasPassword()) {
            return Optional.of("First sign-in: the first admin's password is the one set in "
                    + "ferry.admin.first-admin.password (FERRY_ADMIN_FIRST_ADMIN_PASSWORD). You choose a new one "
                    + "right after signing in.");
        }
        return Optional.of("First sign-in: Ferry wrote the first admin's email and one-time password to its log "
                + "(standard output) when it first started, on the line that begins with \"*** First admin "
                + "created\". It is written nowhere else. You choose your own password right after signing in.");
    }
}
