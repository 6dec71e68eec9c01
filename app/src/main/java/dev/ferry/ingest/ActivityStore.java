package dev.ferry.ingest;

import dev.ferry.persistence.Columns;
import dev.ferry.persistence.Dialect;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores activities once, a page in one batch insert in the caller's transaction (a job commits them with its
 * cursor). On PostgreSQL {@code on conflict do nothing} skips a key stored already, or racing in from another
 * node. H2 has no such clause outside its PostgreSQL mode: there the page's keys are looked up first (one IN
 * list, seeking the unique index) and only the rest inserted; a batch that still meets one, stored by another
 * writer meanwhile, fails and the page is stored row by row. The actors' names go to {@code jira_user} in the same transaction.
 */
@Component
public class ActivityStore {

    private static final String INSERT = """
            insert into activity (organization_id, connection_id, site_key, natural_key, source, kind, actor_account_id,
                                  occurred_at, object_type, object_id, object_key, container, title, detail, url, ingested_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final int KEYS_PER_LOOKUP = 500;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Clock clock;
    private final String insertNew;
    private final boolean postgres;

    ActivityStore(JdbcTemplate jdbc, Dialect dialect, Clock clock) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.clock = clock;
        this.postgres = dialect.postgres();
        this.insertNew = postgres ? INSERT + " on conflict (natural_key, site_key, organization_id) do nothing" : INSERT;
    }

    /** Stores the activities not stored yet for the target's site; returns how many were new. */
    @Transactional
    public int store(IngestTarget target, List<Activity> activities) {
        if (activities.isEmpty()) {
            return 0;
        }
        Map<String, Activity> byKey = new LinkedHashMap<>();
        activities.forEach(activity -> byKey.putIfAbsent(activity.naturalKey(), activity));
        // PostgreSQL skips what is stored already by itself (on conflict do nothing); only H2 needs to be told.
        Set<String> stored = postgres ? Set.of() : storedKeys(target, new ArrayList<>(byKey.keySet()));
        List<Activity> fresh = byKey.values().stream().filter(a -> !stored.contains(a.naturalKey())).toList();
        int added = insert(target, fresh, clock.instant());
        seen(target, activities);
        return added;
    }

    private Set<String> storedKeys(IngestTarget target, List<String> keys) {
        Set<String> stored = new HashSet<>();
        for (int from = 0; from < keys.size(); from += KEYS_PER_LOOKUP) {
            MapSqlParameterSource params = new MapSqlParameterSource().addValue("organization", target.organizationId())
                    .addValue("site", target.siteKey())
                    .addValue("keys", keys.subList(from, Math.min(keys.size(), from + KEYS_PER_LOOKUP)));
            stored.addAll(named.queryForList("select natural_key from activity where organization_id = :organization"
                    + " and site_key = :site and natural_key in (:keys)", params, String.class));
        }
        return stored;
    }

    private int insert(IngestTarget target, List<Activity> fresh, Instant now) {
        if (fresh.isEmpty()) {
            return 0;
        }
        try {
            int[][] counts = jdbc.batchUpdate(insertNew, fresh, fresh.size(), (statement, a) -> bind(statement, target, a, now));
            int added = 0;
            for (int count : counts[0]) {
                added += count == 0 ? 0 : 1;
            }
            return added;
        } catch (DuplicateKeyException raced) {
            // H2 only: another writer stored one of these since the lookup; store the rest one by one.
            int added = 0;
            for (Activity activity : fresh) {
                try {
                    added += jdbc.update(INSERT, statement -> bind(statement, target, activity, now));
                } catch (DuplicateKeyException already) {
                    // stored by the other writer
                }
            }
            return added;
        }
    }

    private static void bind(PreparedStatement statement, IngestTarget target, Activity a, Instant now)
            throws SQLException {
        statement.setString(1, target.organizationId());
        statement.setString(2, target.connectionId());
        statement.setString(3, target.siteKey());
        statement.setString(4, a.naturalKey());
        statement.setString(5, a.kind().source().name());
        statement.setString(6, a.kind().name());
        statement.setString(7, a.actorAccountId());
        statement.setTimestamp(8, Timestamp.from(a.occurredAt()));
        statement.setString(9, a.objectType());
        statement.setString(10, a.objectId());
        statement.setString(11, a.objectKey());
        statement.setString(12, Columns.clip(a.container(), 255));
        statement.setString(13, Columns.clip(a.title(), 255));
        statement.setString(14, Columns.clip(a.detail(), 4000));
        statement.setString(15, Columns.clip(a.url(), 1024));
        statement.setTimestamp(16, Timestamp.from(now));
    }

    /** Records each actor's latest name as seen on the page: an insert for a new account, an update otherwise. */
    private void seen(IngestTarget target, List<Activity> activities) {
        Map<String, String> names = new LinkedHashMap<>();
        activities.stream().filter(a -> a.actorAccountId() != null)
                .forEach(a -> names.merge(a.actorAccountId(), a.actorName() == null ? "" : a.actorName(),
                        (old, latest) -> latest.isEmpty() ? old : latest));
        if (names.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = names.entrySet().stream().map(e -> new Object[] {target.organizationId(),
                target.connectionId(), e.getKey(), e.getValue().isEmpty() ? null : Columns.clip(e.getValue(), 255), now})
                .toList();
        if (postgres) {
            jdbc.batchUpdate("""
                    insert into jira_user (organization_id, connection_id, account_id, display_name, seen_at)
                    values (?, ?, ?, ?, ?)
                    on conflict (connection_id, account_id)
                    do update set display_name = coalesce(excluded.display_name, jira_user.display_name),
                                  seen_at = excluded.seen_at""", rows);
        } else {
            jdbc.batchUpdate("""
                    merge into jira_user u
                    using (values (cast(? as varchar), cast(? as varchar), cast(? as varchar), cast(? as varchar),
                                   cast(? as timestamp with time zone)))
                          as s (organization_id, connection_id, account_id, display_name, seen_at)
                    on u.connection_id = s.connection_id and u.account_id = s.account_id
                    when matched then update set display_name = coalesce(s.display_name, u.display_name), seen_at = s.seen_at
                    when not matched then insert (organization_id, connection_id, account_id, display_name, seen_at)
                        values (s.organization_id, s.connection_id, s.account_id, s.display_name, s.seen_at)""", rows);
        }
    }
}
