package dev.ferry.account;

import dev.ferry.setting.PositiveDuration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of admin UI accounts.
 *
 * @param firstAdmin who is created when a node starts and no account exists at all
 * @param login      how failed sign-ins are slowed down
 * @param sessionAbsoluteLifetime how long a session lasts after its sign-in, however active it is
 */
@Validated
@ConfigurationProperties("ferry.admin")
record AccountProperties(@DefaultValue @Valid FirstAdmin firstAdmin, @DefaultValue @Valid Login login,
        @DefaultValue("24h") @PositiveDuration Duration sessionAbsoluteLifetime) {

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
     * @param freeFailures           failed sign-ins for one email from one address before each further attempt waits
     * @param freeFailuresPerClient  failed sign-ins from one address (any email) before each further attempt waits
     * @param freeFailuresPerAccount failed sign-ins for one email from all addresses before attempts from
     *                               addresses it never signed in from wait
     * @param firstDelay             the first wait; it doubles with every further failure
     * @param maxDelay               the longest wait for one email from one address, or for one address
     * @param maxAccountDelay        the longest wait strangers can impose on an account (on its new addresses)
     * @param remember               how long an idle brake, and an address an account signed in from, is kept
     * @param trustedProxies         addresses or CIDR blocks of proxies whose X-Forwarded-For is believed
     */
    record Login(
            @DefaultValue("5") @PositiveOrZero int freeFailures,
            @DefaultValue("20") @PositiveOrZero int freeFailuresPerClient,
            @DefaultValue("20") @PositiveOrZero int freeFailuresPerAccount,
            @DefaultValue("1s") @PositiveDuration Duration firstDelay,
            @DefaultValue("15m") @PositiveDuration Duration maxDelay,
            @DefaultValue("1m") @PositiveDuration Duration maxAccountDelay,
            @DefaultValue("30d") @PositiveDuration Duration remember,
            @DefaultValue List<String> trustedProxies) {
    }
}
