package dev.ferry.account;

import dev.ferry.audit.AuditAction;
import dev.ferry.audit.AuditLog;
import dev.ferry.principal.Person;
import dev.ferry.principal.Role;
import java.time.Clock;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adds, changes and removes the people of an organization, keeping at least one Admin in it. */
@Service
class Accounts {

    static final int MAX_EMAIL = 320;

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;

    Accounts(AccountRepository accounts, PasswordEncoder encoder, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new account with a one-time password, returned once and never stored in the clear. */
    @Transactional
    Issued add(Person by, String email, Role role) {
        String normalized = Account.normalize(email);
        FormRefusal.unless(normalized.length() <= MAX_EMAIL && normalized.matches("[^\\s@]+@[^\\s@]+"),
                "Enter an email address such as name@example.com.");
        FormRefusal.unless(role != null, "Choose a role.");
        if (accounts.findByEmail(normalized).isPresent()) {
            throw new FormRefusal(normalized + " already has an account.");
        }
        String password = OneTimePasswords.generate();
        Account account = Account.create(by.organizationId(), normalized, role, encoder.encode(password), clock.instant());
        try {
            accounts.save(account);
        } catch (DuplicateKeyException e) {
            throw new FormRefusal(normalized + " already has an account.");
        }
        audit.record(by.organizationId(), by.actor(), AuditAction.USER_ADDED, normalized, "role " + role.label());
        return new Issued(account.getId(), normalized, password);
    }

    @Transactional
    void changeRole(Person by, String accountId, Role role) {
        FormRefusal.unless(role != null, "Choose a role.");
        Account account = ofOrganization(by, accountId);
        if (account.role() == Role.ADMIN && role != Role.ADMIN) {
            requireAnotherAdmin(by.organizationId(), "demote");
        }
        account.changeRole(role);
        accounts.save(account);
        audit.record(by.organizationId(), by.actor(), AuditAction.USER_ROLE_CHANGED, account.email(),
                "role " + role.label());
    }

    /** A new one-time password for the account; it must be changed at the next sign-in. */
    @Transactional
    Issued resetPassword(Person by, String accountId) {
        Account account = ofOrganization(by, accountId);
        String password = OneTimePasswords.generate();
        account.resetPassword(encoder.encode(password), clock.instant());
        accounts.save(account);
        audit.record(by.organizationId(), by.actor(), AuditAction.PASSWORD_RESET, account.email(), null);
        return new Issued(account.getId(), account.email(), password);
    }

    @Transactional
    void remove(Person by, String accountId) {
        Account account = ofOrganization(by, accountId);
        if (account.role() == Role.ADMIN) {
            requireAnotherAdmin(by.organizationId(), "remove");
        }
        accounts.deleteById(account.getId());
        audit.record(by.organizationId(), by.actor(), AuditAction.USER_REMOVED, account.email(), null);
    }

    /** The person's own new password, after checking the current one. */
    @Transactional
    void changePassword(String accountId, String current, String chosen, String repeated) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new FormRefusal("Your account no longer exists."));
        FormRefusal.unless(PasswordRules.fits(current) && encoder.matches(current, account.passwordHash()),
                "The current password is wrong.");
        FormRefusal.unless(chosen != null && chosen.equals(repeated), "The two new passwords differ.");
        PasswordRules.check(chosen, account.email());
        FormRefusal.unless(!chosen.equals(current), "The new password must differ from the current one.");
        account.choosePassword(encoder.encode(chosen), clock.instant());
        accounts.save(account);
    }

    List<Account> of(String organizationId) {
        return accounts.findByOrganizationIdOrderByEmail(organizationId);
    }

    private Account ofOrganization(Person by, String accountId) {
        return accounts.findById(accountId == null ? "" : accountId)
                .filter(account -> account.organizationId().equals(by.organizationId()))
                .orElseThrow(() -> new FormRefusal("There is no such person in " + by.organizationName() + "."));
    }

    // Locks the organization's Admin rows, so two Admins demoting each other at once cannot leave none.
    private void requireAnotherAdmin(String organizationId, String verb) {
        FormRefusal.unless(accounts.lockAdmins(organizationId).size() > 1,
                "You cannot " + verb + " the last Admin of the organization; make someone else Admin first.");
    }

    /** An account and the one-time password it was just given. */
    record Issued(String accountId, String email, String oneTimePassword) {
    }
}
