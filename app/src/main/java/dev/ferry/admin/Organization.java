package dev.ferry.admin;

import dev.ferry.refusal.InvalidBody;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.Table;

/** A product's tenant in Ferry: every API key, site link and audit record belongs to one. */
@Table("organization")
class Organization implements Persistable<String> {

    static final int MAX_NAME_LENGTH = 200;
    static final String DEFAULT_PRESET = "experimentation";
    static final Set<String> PRESETS = Set.of(DEFAULT_PRESET, "none");

    @Id
    private final String id;
    private final String name;
    private final Instant createdAt;
    // The id is ours, not the database's, so Spring Data cannot tell a new row from an old one by itself.
    @Transient
    private final boolean isNew;

    @PersistenceCreator
    Organization(String id, String name, Instant createdAt) {
        this(id, name, createdAt, false);
    }

    private Organization(String id, String name, Instant createdAt, boolean isNew) {
        this.id = id;
        this.name = name;
        this.createdAt = createdAt;
        this.isNew = isNew;
    }

    /** A new organization; refuses a blank or over-long name. */
    static Organization create(String name, Instant now) {
        return new Organization(UUID.randomUUID().toString(), checkedName(name), now, true);
    }

    /** The name stripped; refuses a blank or over-long one. */
    static String checkedName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            throw InvalidBody.of("/name", "name must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        return trimmed;
    }

    /** The preset to seed the catalog from: the default when none is given; refuses an unknown one. */
    static String preset(String requested) {
        if (requested == null) {
            return DEFAULT_PRESET;
        }
        if (!PRESETS.contains(requested)) {
            throw InvalidBody.of("/preset", "preset must be one of " + String.join(", ", PRESETS.stream().sorted().toList()));
        }
        return requested;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    String name() {
        return name;
    }

    Instant createdAt() {
        return createdAt;
    }
}
