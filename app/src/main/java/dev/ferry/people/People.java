package dev.ferry.people;

import dev.ferry.audit.AuditAction;
import dev.ferry.audit.AuditLog;
import dev.ferry.connection.Connections;
import dev.ferry.refusal.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The directory's changes: add a person, rename them, map and unmap identities, remove them. Every refusal comes
 * before anything is stored; emails are looked up in Jira before the transaction that stores the result, so no
 * transaction waits on Jira.
 */
@Service
public class People {

    private final PersonStore store;
    private final Connections connections;
    private final EmailResolution emails;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    People(PersonStore store, Connections connections, EmailResolution emails, AuditLog audit,
            TransactionTemplate transaction, Clock clock) {
        this.store = store;
        this.connections = connections;
        this.emails = emails;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    public Person find(String organizationId, String id) {
        return store.find(organizationId, id).orElseThrow(() -> Refusal.notFound("no person " + id + " in this organization"));
    }

    public List<Person> page(String organizationId, int limit, int offset) {
        return store.page(organizationId, limit, offset);
    }

    /** Adds a person with their identities; refused whole when one identity is. */
    public Person add(String organizationId, String actor, String externalId, String name, List<IdentityInput> identities) {
        String checkedId = checkedExternalId(externalId);
        String checkedName = checkedName(name);
        checkIdentities(organizationId, null, identities);
        store.byExternalId(organizationId, checkedId).ifPresent(other -> {
            throw Refusal.conflict("externalId " + checkedId + " is already the person \"" + other.name() + "\" (" + other.id()
                    + "): edit that person, or give another id");
        });
        List<Identity> resolved = resolve(organizationId, identities);
        String id = UUID.randomUUID().toString();
        transaction.executeWithoutResult(status -> {
            Instant now = clock.instant();
            store.insert(organizationId, id, checkedId, checkedName, now);
            audit.record(organizationId, actor, AuditAction.PERSON_ADDED, id, "externalId " + checkedId);
            resolved.forEach(identity -> map(organizationId, actor, withPerson(identity, id)));
        });
        return find(organizationId, id);
    }

    /** Renames the person or changes their product id; a field left null stays. */
    public Person edit(String organizationId, String actor, String id, String externalId, String name) {
        Person person = find(organizationId, id);
        String newId = externalId == null ? person.externalId() : checkedExternalId(externalId);
        String newName = name == null ? person.name() : checkedName(name);
        if (!newId.equals(person.externalId())) {
            store.byExternalId(organizationId, newId).ifPresent(other -> {
                throw Refusal.conflict("externalId " + newId + " is already the person \"" + other.name() + "\" ("
                        + other.id() + ")");
            });
        }
        transaction.executeWithoutResult(status -> {
            store.update(organizationId, id, newId, newName, clock.instant());
            audit.record(organizationId, actor, AuditAction.PERSON_EDITED, id, "externalId " + newId);
        });
        return find(organizationId, id);
    }

    /** Maps one more identity to the person; answers it with its state. */
    public Identity addIdentity(String organizationId, String actor, String personId, IdentityInput input) {
        find(organizationId, personId);
        checkIdentities(organizationId, personId, List.of(input));
        Identity identity = withPerson(resolve(organizationId, List.of(input)).get(0), personId);
        transaction.executeWithoutResult(status -> {
            map(organizationId, actor, identity);
            store.touch(organizationId, personId, clock.instant());
        });
        return identity;
    }

    /** Unmaps one identity: the person's activities over it are no longer attributed to them, and stay stored. */
    public void removeIdentity(String organizationId, String actor, String personId, String identityId) {
        Person person = find(organizationId, personId);
        Identity identity = person.identities().stream().filter(i -> i.id().equals(identityId)).findFirst()
                .orElseThrow(() -> Refusal.notFound("the person " + personId + " has no identity " + identityId));
        transaction.executeWithoutResult(status -> {
            store.deleteIdentity(organizationId, personId, identityId);
            store.touch(organizationId, personId, clock.instant());
            audit.record(organizationId, actor, AuditAction.PERSON_IDENTITY_REMOVED, personId,
                    "connection " + identity.connection());
        });
    }

    /** Removes the person and their mapping; their activities stay, unattributed (erase removes those too). */
    public void remove(String organizationId, String actor, String personId) {
        Person person = find(organizationId, personId);
        transaction.executeWithoutResult(status -> {
            store.delete(organizationId, personId);
            audit.record(organizationId, actor, AuditAction.PERSON_IDENTITY_REMOVED, personId,
                    person.identities().size() + " identities, person removed");
        });
    }

    /** Stores the identity and its audit record, in the caller's transaction. */
    void map(String organizationId, String actor, Identity identity) {
        try {
            store.insertIdentity(organizationId, identity);
        } catch (DuplicateKeyException raced) {
            // checked before, but another request mapped the same account in between
            throw Refusal.conflict("accountId " + identity.accountId() + " on connection " + identity.connection()
                    + " was just mapped to another person; read the directory again");
        }
        audit.record(organizationId, actor, AuditAction.PERSON_IDENTITY_MAPPED, identity.personId(),
                "connection " + identity.connection() + ", " + identity.state());
    }

    /**
     * Refuses unknown connections and an accountId some other person already has on the connection (or that
     * appears twice in what was asked); {@code personId} is the person being changed, null for a new one.
     */
    void checkIdentities(String organizationId, String personId, List<IdentityInput> identities) {
        Set<String> asked = new HashSet<>();
        for (IdentityInput identity : identities) {
            connections.find(organizationId, identity.connection());
            if (identity.accountId() != null) {
                Refusal.require(asked.add(identity.connection() + " " + identity.accountId()),
                        "accountId " + identity.accountId() + " is given twice for connection " + identity.connection());
                store.holderOf(organizationId, identity.connection(), identity.accountId(), personId).ifPresent(other -> {
                    throw Refusal.conflict("accountId " + identity.accountId() + " on connection " + identity.connection()
                            + " is already the person \"" + other.name() + "\" (externalId " + other.externalId() + ", id "
                            + other.id() + "): remove it there first");
                });
            }
        }
    }

    /** The identities as they will be stored: an email alone is looked up in Jira now. */
    List<Identity> resolve(String organizationId, List<IdentityInput> identities) {
        List<Identity> resolved = new ArrayList<>();
        for (IdentityInput input : identities) {
            Instant now = clock.instant();
            if (input.accountId() != null) {
                resolved.add(new Identity(UUID.randomUUID().toString(), null, input.connection(), input.accountId(),
                        input.email(), IdentityState.RESOLVED, null, now, now));
                continue;
            }
            EmailResolution.Outcome outcome = emails.resolve(organizationId, input.connection(), input.email());
            if (outcome.accountId() != null) {
                store.holderOf(organizationId, input.connection(), outcome.accountId(), null).ifPresent(other -> {
                    throw Refusal.conflict("the email " + input.email() + " is the Jira account " + outcome.accountId()
                            + ", which is already the person \"" + other.name() + "\" (externalId " + other.externalId()
                            + ", id " + other.id() + ")");
                });
            }
            resolved.add(new Identity(UUID.randomUUID().toString(), null, input.connection(), outcome.accountId(),
                    input.email(), outcome.state(), outcome.note(), now,
                    outcome.state() == IdentityState.RESOLVED ? now : null));
        }
        return resolved;
    }

    static Identity withPerson(Identity identity, String personId) {
        return new Identity(identity.id(), personId, identity.connection(), identity.accountId(), identity.email(),
                identity.state(), identity.note(), identity.createdAt(), identity.resolvedAt());
    }

    static String checkedExternalId(String externalId) {
        Refusal.require(externalId != null && !externalId.isBlank(), "externalId is required: the product's id for the person");
        String id = externalId.strip();
        Refusal.require(id.length() <= 255, "externalId is longer than 255 characters");
        return id;
    }

    static String checkedName(String name) {
        Refusal.require(name != null && !name.isBlank(), "name is required: the person's name as the product shows it");
        String stripped = name.strip();
        Refusal.require(stripped.length() <= 255, "name is longer than 255 characters");
        return stripped;
    }
}
