package dev.ferry.account;

import dev.ferry.principal.Role;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Creates admin UI accounts with a known password, already past the must-change step. Every
 * {@code @FerryIntegrationTest} has it:
 *
 * <pre>{@code
 * @Autowired Organizations organizations;
 * @Autowired People people;
 *
 * var acme = organizations.create("Acme");
 * People.Login admin = people.create(acme.id(), Role.ADMIN);
 * var console = ConsoleClient.signIn(port, admin);          // real HTTP, session cookie, CSRF token
 * browser.loginAs(baseUrl, admin);                           // headless Chromium
 * }</pre>
 */
@TestComponent
public class People {

    public static final String PASSWORD_PREFIX = "test-password-";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;

    People(AccountRepository accounts, PasswordEncoder encoder) {
        this.accounts = accounts;
        this.encoder = encoder;
    }

    /** A person with a fresh email such as {@code member-3@people.test}. */
    public Login create(String organizationId, Role role) {
        return create(organizationId, role, role.name().toLowerCase() + "-" + SEQUENCE.incrementAndGet() + "@people.test");
    }

    public Login create(String organizationId, Role role, String email) {
        String password = PASSWORD_PREFIX + SEQUENCE.incrementAndGet();
        String hash = encoder.encode(password);
        Account account = Account.create(organizationId, email, role, hash, Instant.now());
        account.choosePassword(hash, Instant.now());
        accounts.save(account);
        return new Login(account.getId(), organizationId, account.email(), password, role);
    }

    /** Whether the account must still change its password (a test of the first admin or a reset). */
    public boolean mustChangePassword(String email) {
        return accounts.findByEmail(Account.normalize(email)).orElseThrow().mustChangePassword();
    }

    /** A person as a test holds them: who they are and the password they sign in with. */
    public record Login(String userId, String organizationId, String email, String password, Role role) {
    }
}
