package dev.ferry.people;

import dev.ferry.persistence.Columns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The person and person_identity rows of an organization. Every query names the organization. */
@Repository
class PersonStore {

    private static final String PERSON = "select id, external_id, name, created_at, updated_at from person";
    private static final String IDENTITY = """
            select id, person_id, connection_id, account_id, email, state, note, created_at, resolved_at
            from person_identity""";

    private final JdbcTemplate jdbc;

    PersonStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String organizationId, String id, String externalId, String name, Instant now) {
        jdbc.update("insert into person (id, organization_id, external_id, name, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?)", id, organizationId, externalId, name, Timestamp.from(now),
                Timestamp.from(now));
    }

    void update(String organizationId, String id, String externalId, String name, Instant now) {
        jdbc.update("update person set external_id = ?, name = ?, updated_at = ? where organization_id = ? and id = ?",
                externalId, name, Timestamp.from(now), organizationId, id);
    }

    void touch(String organizationId, String id, Instant now) {
        jdbc.update("update person set updated_at = ? where organization_id = ? and id = ?", Timestamp.from(now),
                organizationId, id);
    }

    void delete(String organizationId, String id) {
        jdbc.update("delete from person_identity where organization_id = ? and person_id = ?", organizationId, id);
        jdbc.update("delete from person where organization_id = ? and id = ?", organizationId, id);
    }

    Optional<Person> find(String organizationId, String id) {
        return jdbc.query(PERSON + " where organization_id = ? and id = ?", PersonStore::bare, organizationId, id)
                .stream().findFirst().map(person -> withIdentities(organizationId, List.of(person)).get(0));
    }

    Optional<Person> byExternalId(String organizationId, String externalId) {
        return jdbc.query(PERSON + " where organization_id = ? and external_id = ?", PersonStore::bare, organizationId,
                externalId).stream().findFirst().map(person -> withIdentities(organizationId, List.of(person)).get(0));
    }

    /** A page of the directory by name, each person with their identities (two queries). */
    List<Person> page(String organizationId, int limit, int offset) {
        List<Person> people = jdbc.query(PERSON + " where organization_id = ? order by name, external_id limit ? offset ?",
                PersonStore::bare, organizationId, limit, offset);
        return withIdentities(organizationId, people);
    }

    /** The whole directory, for the export. */
    List<Person> all(String organizationId) {
        return withIdentities(organizationId,
                jdbc.query(PERSON + " where organization_id = ? order by external_id", PersonStore::bare, organizationId));
    }

    void insertIdentity(String organizationId, Identity identity) {
        jdbc.update("""
                insert into person_identity (id, person_id, organization_id, connection_id, account_id, email, state,
                                             note, created_at, resolved_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", identity.id(), identity.personId(), organizationId,
                identity.connection(), identity.accountId(), identity.email(), identity.state().name(),
                Columns.clip(identity.note(), 512), Timestamp.from(identity.createdAt()),
                identity.resolvedAt() == null ? null : Timestamp.from(identity.resolvedAt()));
    }

    void deleteIdentity(String organizationId, String personId, String identityId) {
        jdbc.update("delete from person_identity where organization_id = ? and person_id = ? and id = ?", organizationId,
                personId, identityId);
    }

    void deleteIdentities(String organizationId, String personId) {
        jdbc.update("delete from person_identity where organization_id = ? and person_id = ?", organizationId, personId);
    }

    /** The person (other than {@code exceptPerson}) whose identity on the connection is that accountId. */
    Optional<PersonRef> holderOf(String organizationId, String connection, String accountId, String exceptPerson) {
        return jdbc.query("""
                select p.id, p.external_id, p.name from person_identity i join person p on p.id = i.person_id
                where i.organization_id = ? and i.connection_id = ? and i.account_id = ? and p.id <> ?""",
                (rs, n) -> new PersonRef(rs.getString(1), rs.getString(2), rs.getString(3)), organizationId, connection,
                accountId, exceptPerson == null ? "" : exceptPerson).stream().findFirst();
    }

    private List<Person> withIdentities(String organizationId, List<Person> people) {
        if (people.isEmpty()) {
            return people;
        }
        Map<String, List<Identity>> byPerson = new LinkedHashMap<>();
        people.forEach(person -> byPerson.put(person.id(), new ArrayList<>()));
        String marks = String.join(",", people.stream().map(p -> "?").toList());
        List<Object> args = new ArrayList<>();
        args.add(organizationId);
        args.addAll(byPerson.keySet());
        jdbc.query(IDENTITY + " where organization_id = ? and person_id in (" + marks + ") order by connection_id, created_at, id",
                (ResultSet rs) -> {
                    Identity identity = identity(rs);
                    byPerson.get(identity.personId()).add(identity);
                }, args.toArray());
        return people.stream().map(p -> new Person(p.id(), p.externalId(), p.name(), List.copyOf(byPerson.get(p.id())),
                p.createdAt(), p.updatedAt())).toList();
    }

    private static Person bare(ResultSet rs, int row) throws SQLException {
        return new Person(rs.getString("id"), rs.getString("external_id"), rs.getString("name"), List.of(),
                Columns.instant(rs, "created_at"), Columns.instant(rs, "updated_at"));
    }

    private static Identity identity(ResultSet rs) throws SQLException {
        return new Identity(rs.getString("id"), rs.getString("person_id"), rs.getString("connection_id"),
                rs.getString("account_id"), rs.getString("email"), IdentityState.valueOf(rs.getString("state")),
                rs.getString("note"), Columns.instant(rs, "created_at"), Columns.instant(rs, "resolved_at"));
    }
}
