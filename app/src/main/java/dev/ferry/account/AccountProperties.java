package dev.ferry.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of admin UI accounts.
 *
 * @param firstAdmin who is created when a node starts and no account exists at all
 * @param login      how failed sign-ins are throttled
 */
@ConfigurationProperties("ferry.admin")
record AccountProperties(@DefaultValue FirstAdmin firstAdmin, @DefaultValue Login login) {

    /**
     * @param email        the first admin's email
     * @param organization the name of the organization the first admin belongs to; created (with the
     *                     {@code experimentation} preset) when no organization has that name
     * @param password     the first admin's initial password; blank: a random one-time password is logged once.
     *                     Either way it must be changed at the first sign-in
     */
    record FirstAdmin(
            @DefaultValue("admin@localhost") String email,
            @DefaultValue("Ferry") String organization,
            @DefaultValue("") String password) {

        boolean hasPassword() {
            return password != null && !password.isBlank();
        }

        /** Never prints the password. */
        @Override
        public String toString() {
            return "FirstAdmin[email=" + email + ", organization=" + organization + ", password="
                    + (hasPassword() ? "(set)" : "(generated)") + "]";
        }
    }

    /**
     * @param maxFailuresPerEmail  failed sign-ins for one email within the window before that email is refused
     * @param maxFailuresPerClient failed sign-ins from one client address within the window before it is refused
     * @param window               how far back failures count; a refused email or address may try again once
     *                             its failures are older than this
     */
    record Login(
            @DefaultValue("5") int maxFailuresPerEmail,
            @DefaultValue("20") int maxFailuresPerClient,
            @DefaultValue("15m") Duration window) {
    }
}
