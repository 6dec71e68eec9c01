package dev.ferry.account;

import dev.ferry.principal.Role;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.Table;

/** One person's sign-in to one organization: email, password hash, role and whether the password must change. */
@Table("app_user")
class Account implements Persistable<String> {

    @Id
    private final String id;
    private final String organizationId;
    private final String email;
    private String passwordHash;
    private Role role;
    private boolean mustChangePassword;
    private final Instant createdAt;
    private Instant passwordChangedAt;
    // The id is ours, so Spring Data cannot tell a new row from an old one by itself.
    @Transient
    private final boolean isNew;

    @PersistenceCreator
    Account(String id, String organizationId, String email, String passwordHash, Role role,
            boolean mustChangePassword, Instant createdAt, Instant passwordChangedAt) {
        this(id, organizationId, email, passwordHash, role, mustChangePassword, createdAt, passwordChangedAt, false);
    }

    private Account(String id, String organizationId, String email, String passwordHash, Role role,
            boolean mustChangePassword, Instant createdAt, Instant passwordChangedAt, boolean isNew) {
        this.id = id;
        this.organizationId = organizationId;
        this.email = email;
        this.passwordHash = passwordHash;
        this.role = role;
        this.mustChangePassword = mustChangePassword;
        this.createdAt = createdAt;
        this.passwordChangedAt = passwordChangedAt;
        this.isNew = isNew;
    }

    /** A new account whose one-time password must be changed at first sign-in. */
    static Account create(String organizationId, String email, Role role, String passwordHash, Instant now) {
        return new Account(UUID.randomUUID().toString(), organizationId, normalize(email), passwordHash, role, true,
                now, now, true);
    }

    /** Emails compare without case and surrounding blanks. */
    static String normalize(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    /** The person chose this password: the must-change flag is cleared. */
    void choosePassword(String newHash, Instant now) {
        passwordHash = newHash;
        mustChangePassword = false;
        passwordChangedAt = now;
    }

    /** An admin handed out a one-time password: it must be changed at the next sign-in. */
    void resetPassword(String oneTimeHash, Instant now) {
        passwordHash = oneTimeHash;
        mustChangePassword = true;
        passwordChangedAt = now;
    }

    void changeRole(Role newRole) {
        role = newRole;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    String organizationId() {
        return organizationId;
    }

    String email() {
        return email;
    }

    String passwordHash() {
        return passwordHash;
    }

    Role role() {
        return role;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    Instant createdAt() {
        return createdAt;
    }
}
