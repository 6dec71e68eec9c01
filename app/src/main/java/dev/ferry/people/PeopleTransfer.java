package dev.ferry.people;

import dev.ferry.audit.AuditAction;
import dev.ferry.audit.AuditLog;
import dev.ferry.connection.ConnectionView;
import dev.ferry.connection.Connections;
import dev.ferry.refusal.BodyError;
import dev.ferry.refusal.InvalidBody;
import dev.ferry.refusal.Refusal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mapping as CSV: {@code externalId,name,connection,accountId,email}, one line per identity (a person without
 * any has one line with the last three empty). The import adds and renames by externalId and adds the identities
 * not mapped yet, never removes one; it checks every line first and reports every bad one with its line number,
 * and stores nothing unless all are good, in one transaction. Emails without an accountId are looked up in Jira
 * before that transaction, as when mapped one by one.
 */
@Component
class PeopleTransfer {

    static final List<String> HEADER = List.of("externalId", "name", "connection", "accountId", "email");

    private final PersonStore store;
    private final People people;
    private final Connections connections;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final PeopleProperties properties;
    private final Clock clock;

    PeopleTransfer(PersonStore store, People people, Connections connections, AuditLog audit,
            TransactionTemplate transaction, PeopleProperties properties, Clock clock) {
        this.store = store;
        this.people = people;
        this.connections = connections;
        this.audit = audit;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    String export(String organizationId) {
        StringBuilder out = new StringBuilder(Csv.line(HEADER));
        for (Person person : store.all(organizationId)) {
            if (person.identities().isEmpty()) {
                out.append(Csv.line(List.of(person.externalId(), person.name(), "", "", "")));
            }
            person.identities().forEach(identity -> out.append(Csv.line(List.of(person.externalId(), person.name(),
                    identity.connection(), nullToEmpty(identity.accountId()), nullToEmpty(identity.email())))));
        }
        return out.toString();
    }

    /** What an import did. */
    record Imported(int added, int renamed, int identitiesMapped, int unchanged) {
    }

    Imported importCsv(String organizationId, String actor, String text) {
        List<Csv.Row> rows;
        try {
            rows = Csv.parse(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            throw InvalidBody.of("", e.getMessage());
        }
        if (rows.isEmpty() || !header(rows.get(0))) {
            throw InvalidBody.of("", "line 1: the first line must be the header " + String.join(",", HEADER));
        }
        List<Csv.Row> lines = rows.subList(1, rows.size());
        if (lines.size() > properties.importMaxRows()) {
            throw InvalidBody.of("", "the file has " + lines.size() + " rows; an import takes at most "
                    + properties.importMaxRows() + " (ferry.people.import-max-rows): split it");
        }
        Set<String> known = connections.of(organizationId).stream().map(ConnectionView::id).collect(Collectors.toSet());
        List<BodyError> errors = new ArrayList<>();
        Map<String, Planned> plan = new LinkedHashMap<>();
        Map<String, String> accountHolder = new HashMap<>();
        for (Csv.Row row : lines) {
            String error = plan(organizationId, row, known, plan, accountHolder);
            if (error != null) {
                errors.add(new BodyError("", "line " + row.line() + ": " + error));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidBody(errors);
        }
        // Jira is asked outside the transaction; a refusal here (an email that is someone else's account) names it.
        Map<Planned, List<Identity>> resolved = new LinkedHashMap<>();
        for (Planned planned : plan.values()) {
            try {
                resolved.put(planned, people.resolve(organizationId, planned.identities));
            } catch (Refusal refused) {
                throw InvalidBody.of("", "line " + planned.line + ": " + refused.getMessage());
            }
        }
        return transaction.execute(status -> apply(organizationId, actor, resolved, lines.size()));
    }

    private Imported apply(String organizationId, String actor, Map<Planned, List<Identity>> resolved, int rows) {
        int added = 0;
        int renamed = 0;
        int mapped = 0;
        int unchanged = 0;
        for (Map.Entry<Planned, List<Identity>> entry : resolved.entrySet()) {
            Planned planned = entry.getKey();
            String personId;
            if (planned.existing.isEmpty()) {
                personId = UUID.randomUUID().toString();
                store.insert(organizationId, personId, planned.externalId, planned.name, clock.instant());
                added++;
            } else {
                personId = planned.existing.get().id();
                if (!planned.existing.get().name().equals(planned.name)) {
                    store.update(organizationId, personId, planned.externalId, planned.name, clock.instant());
                    renamed++;
                } else if (entry.getValue().isEmpty()) {
                    unchanged++;
                }
            }
            for (Identity identity : entry.getValue()) {
                store.insertIdentity(organizationId, People.withPerson(identity, personId));
                mapped++;
            }
        }
        Imported imported = new Imported(added, renamed, mapped, unchanged);
        audit.record(organizationId, actor, AuditAction.PEOPLE_IMPORTED, null, rows + " rows: " + added + " people added, "
                + renamed + " renamed, " + mapped + " identities mapped");
        return imported;
    }

    /** Adds the row to the plan; answers what is wrong with it, or null. */
    private String plan(String organizationId, Csv.Row row, Set<String> known, Map<String, Planned> plan,
            Map<String, String> accountHolder) {
        if (row.cells().size() != HEADER.size()) {
            return "expected " + HEADER.size() + " cells (" + String.join(",", HEADER) + "), found " + row.cells().size();
        }
        List<String> cells = row.cells().stream().map(Csv::unguarded).toList();
        try {
            String externalId = People.checkedExternalId(cells.get(0));
            String name = People.checkedName(cells.get(1));
            Planned planned = plan.get(externalId);
            if (planned == null) {
                planned = new Planned(row.line(), externalId, name, store.byExternalId(organizationId, externalId));
                plan.put(externalId, planned);
            } else if (!planned.name.equals(name)) {
                return "externalId " + externalId + " is named \"" + planned.name + "\" on line " + planned.line
                        + " and \"" + name + "\" here";
            }
            boolean noIdentity = cells.get(2).isBlank() && cells.get(3).isBlank() && cells.get(4).isBlank();
            if (noIdentity) {
                return null;
            }
            IdentityInput identity = IdentityInput.checked(cells.get(2), cells.get(3), cells.get(4));
            if (!known.contains(identity.connection())) {
                return "no connection " + identity.connection() + " in this organization";
            }
            if (planned.existing.map(p -> alreadyMapped(p, identity)).orElse(false)) {
                return null;
            }
            if (identity.accountId() != null) {
                String key = identity.connection() + " " + identity.accountId();
                String other = accountHolder.putIfAbsent(key, externalId);
                if (other != null) {
                    return "accountId " + identity.accountId() + " is given to both " + other + " and " + externalId;
                }
                String personId = planned.existing.map(Person::id).orElse(null);
                Optional<PersonRef> holder = store.holderOf(organizationId, identity.connection(), identity.accountId(),
                        personId);
                if (holder.isPresent()) {
                    return "accountId " + identity.accountId() + " on connection " + identity.connection()
                            + " is already the person " + holder.get().externalId();
                }
            }
            planned.identities.add(identity);
            return null;
        } catch (Refusal refused) {
            return refused.getMessage();
        }
    }

    private static boolean alreadyMapped(Person person, IdentityInput identity) {
        return person.identities().stream().anyMatch(i -> i.connection().equals(identity.connection())
                && (identity.accountId() != null ? identity.accountId().equals(i.accountId())
                        : identity.email().equalsIgnoreCase(nullToEmpty(i.email()))));
    }

    private static boolean header(Csv.Row row) {
        return row.cells().stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList()
                .equals(HEADER.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList());
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /** One person of the file: their first line, and the identities to add. */
    private static final class Planned {
        final int line;
        final String externalId;
        final String name;
        final Optional<Person> existing;
        final List<IdentityInput> identities = new ArrayList<>();

        Planned(int line, String externalId, String name, Optional<Person> existing) {
            this.line = line;
            this.externalId = externalId;
            this.name = name;
            this.existing = existing;
        }
    }
}
