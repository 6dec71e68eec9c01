package dev.ferry.admin;

import dev.ferry.principal.ApiCaller;
import dev.ferry.principal.ApiScope;
import dev.ferry.refusal.InvalidBody;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.Table;

/** A product API key of one organization; only a hash of its secret is kept, so it is shown once. */
@Table("api_key")
class ApiKey implements Persistable<String> {

    static final int MAX_NAME_LENGTH = 200;

    @Id
    private final String id;
    private final String organizationId;
    private final String name;
    private final String prefix;
    private final String secretHash;
    private final String scopes;
    private final Instant createdAt;
    private final Instant lastUsedAt;
    private Instant revokedAt;
    // The id is ours, not the database's, so Spring Data cannot tell a new row from an old one by itself.
    @Transient
    private final boolean isNew;

    @PersistenceCreator
    ApiKey(String id, String organizationId, String name, String prefix, String secretHash, String scopes,
            Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
        this(id, organizationId, name, prefix, secretHash, scopes, createdAt, lastUsedAt, revokedAt, false);
    }

    private ApiKey(String id, String organizationId, String name, String prefix, String secretHash, String scopes,
            Instant createdAt, Instant lastUsedAt, Instant revokedAt, boolean isNew) {
        this.id = id;
        this.organizationId = organizationId;
        this.name = name;
        this.prefix = prefix;
        this.secretHash = secretHash;
        this.scopes = scopes;
        this.createdAt = createdAt;
        this.lastUsedAt = lastUsedAt;
        this.revokedAt = revokedAt;
        this.isNew = isNew;
    }

    /** A new key for {@code material}; refuses a blank or over-long name and an empty scope set. */
    static ApiKey issue(String organizationId, String name, Set<ApiScope> scopes, KeyMaterial material, Instant now) {
        String trimmed = checkedName(name);
        if (scopes.isEmpty()) {
            throw InvalidBody.of("/scopes", "scopes must name at least one scope");
        }
        return new ApiKey(UUID.randomUUID().toString(), organizationId, trimmed, material.prefix(), material.hash(),
                Scopes.join(scopes), now, null, null, true);
    }

    /** The name stripped; refuses a blank or over-long one. */
    static String checkedName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            throw InvalidBody.of("/name", "name must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        return trimmed;
    }

    /** Revoking twice keeps the first time: the key stopped working then. */
    boolean revoke(Instant now) {
        if (isRevoked()) {
            return false;
        }
        revokedAt = now;
        return true;
    }

    String secretHash() {
        return secretHash;
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    /** Whether the last-used time is older than {@code cutoff} and worth writing again. */
    boolean lastUsedBefore(Instant cutoff) {
        return lastUsedAt == null || lastUsedAt.isBefore(cutoff);
    }

    ApiCaller caller() {
        return new ApiCaller(organizationId, id, Set.copyOf(scopes()));
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

    String name() {
        return name;
    }

    String prefix() {
        return prefix;
    }

    Set<ApiScope> scopes() {
        return Scopes.split(scopes);
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant lastUsedAt() {
        return lastUsedAt;
    }

    Instant revokedAt() {
        return revokedAt;
    }

    @Override
    public String toString() {
        return "ApiKey[" + id + ", " + KeyMaterial.shown(prefix) + ", " + organizationId + "]";
    }
}
