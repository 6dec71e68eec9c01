package dev.ferry.activity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The where clause of a filter over {@code activity a}, with its parameters. Every clause is one an index of the
 * table serves: the organization and the time range (activity_time), a connection (activity_connection),
 * a kind (activity_kind_time), a person's accounts (activity_actor). A cursor is written as
 * {@code occurred_at <= t and (occurred_at < t or id < i)} rather than a row comparison, so that both databases
 * see the range bound on the indexed time.
 */
record ActivityWhere(String sql, MapSqlParameterSource params) {

    static ActivityWhere of(ActivityFilter f) {
        StringBuilder sql = new StringBuilder(" where a.organization_id = :organization");
        MapSqlParameterSource params = new MapSqlParameterSource("organization", f.organizationId());
        if (f.person() != null) {
            person(f.person(), sql, params);
        }
        if (f.connection() != null) {
            sql.append(" and a.connection_id = :connection");
            params.addValue("connection", f.connection());
        }
        if (f.kind() != null) {
            sql.append(" and a.kind = :kind");
            params.addValue("kind", f.kind().name());
        }
        if (f.source() != null) {
            sql.append(" and a.source = :source");
            params.addValue("source", f.source().name());
        }
        if (f.from() != null) {
            sql.append(" and a.occurred_at >= :from");
            params.addValue("from", time(f.from()));
        }
        if (f.to() != null) {
            sql.append(" and a.occurred_at < :to");
            params.addValue("to", time(f.to()));
        }
        if (f.cursor() != null) {
            String op = f.ascending() ? ">" : "<";
            sql.append(" and a.occurred_at ").append(op).append("= :cursorAt and (a.occurred_at ").append(op)
                    .append(" :cursorAt or a.id ").append(op).append(" :cursorId)");
            params.addValue("cursorAt", time(f.cursor().occurredAt())).addValue("cursorId", f.cursor().id());
        }
        return new ActivityWhere(sql.toString(), params);
    }

    /**
     * Ordered as listed: newest first unless ascending, the id breaking ties of equal times. The columns a filter
     * fixes lead the order (changing nothing), so that H2 matches it to the index that has them first and reads
     * the page in order instead of sorting the range; PostgreSQL sees through them on its own.
     */
    static String order(ActivityFilter f) {
        String direction = f.ascending() ? " asc" : " desc";
        String fixed = f.connection() != null ? "a.connection_id" + direction + ", "
                : f.kind() != null ? "a.organization_id" + direction + ", a.kind" + direction + ", "
                : f.person() == null ? "a.organization_id" + direction + ", " : "";
        return " order by " + fixed + "a.occurred_at" + direction + ", a.id" + direction;
    }

    /** The person's accounts, each only on the connection it is theirs on; a person with none matches nothing. */
    private static void person(PersonRef person, StringBuilder sql, MapSqlParameterSource params) {
        if (person.identities().isEmpty()) {
            sql.append(" and 1 = 0");
            return;
        }
        List<String> accounts = new ArrayList<>();
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < person.identities().size(); i++) {
            PersonRef.Identity identity = person.identities().get(i);
            accounts.add(identity.accountId());
            pairs.add("(a.connection_id = :pc" + i + " and a.actor_account_id = :pa" + i + ")");
            params.addValue("pc" + i, identity.connectionId()).addValue("pa" + i, identity.accountId());
        }
        sql.append(" and a.actor_account_id in (:accounts) and (").append(String.join(" or ", pairs)).append(")");
        params.addValue("accounts", accounts.stream().distinct().toList());
    }

    static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
