package dev.ferry.account;

import dev.ferry.FerryProperties;
import dev.ferry.admin.Onboarding;
import dev.ferry.admin.OrganizationDirectory;
import dev.ferry.principal.Role;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the first admin when a node starts and no account exists, so a fresh Ferry can be signed in to.
 * Two nodes starting at once both try to insert the one row of {@code first_admin_claim}; the loser's
 * insert fails on the primary key and it creates nothing.
 */
@Component
class FirstAdmin {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final AccountProperties.FirstAdmin settings;
    private final AccountRepository accounts;
    private final OrganizationDirectory organizations;
    private final Onboarding onboarding;
    private final PasswordEncoder encoder;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String loginUrl;

    FirstAdmin(AccountProperties properties, AccountRepository accounts, OrganizationDirectory organizations,
            Onboarding onboarding, PasswordEncoder encoder, JdbcClient jdbc, TransactionTemplate transaction,
            Clock clock, FerryProperties ferry) {
        this.settings = properties.firstAdmin();
        this.accounts = accounts;
        this.organizations = organizations;
        this.onboarding = onboarding;
        this.encoder = encoder;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
        this.loginUrl = ferry.baseUrlText() + "/admin/login";
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        ensure();
    }

    /** The first admin's account id when this call created it; empty when any account already existed. */
    Optional<String> ensure() {
        if (accounts.countAll() > 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(transaction.execute(status -> create()));
        } catch (DataIntegrityViolationException | PessimisticLockingFailureException e) {
            log.info("another node created the first admin");
            return Optional.empty();
        }
    }

    private String create() {
        jdbc.sql("insert into first_admin_claim (id, claimed_at) values (1, :now)")
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
        String organizationId = organizations.idNamed(settings.organization())
                .orElseGet(() -> onboarding.create(settings.organization(), "experimentation").organizationId());
        String password = settings.hasPassword() ? settings.password() : OneTimePasswords.generate();
        Account admin = Account.create(organizationId, settings.email(), Role.ADMIN, encoder.encode(password),
                clock.instant());
        accounts.save(admin);
        if (settings.hasPassword()) {
            log.info("First admin {} created in organization '{}' with the password from "
                    + "ferry.admin.first-admin.password; sign in at {} and choose a new one.",
                    admin.email(), settings.organization(), loginUrl);
        } else {
            log.warn("""

                    *** First admin created: sign in at {} as {} with the one-time password {}
                    *** It is shown only this once and must be changed at the first sign-in.""",
                    loginUrl, admin.email(), password);
        }
        return admin.getId();
    }
}
