package dev.ferry.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads activities with their actors attributed at read time: the account's name from {@code jira_user}, the
 * person from the identity mapped on the activity's own connection. Each join is a primary- or unique-key lookup
 * per row, so the order and the limit come from the activity index alone.
 */
@Component
class ActivityReader {

    static final String SELECT = """
            select a.id, a.connection_id, a.site_key, a.source, a.kind, a.actor_account_id, a.occurred_at,
                   a.object_type, a.object_id, a.object_key, a.container, a.title, a.detail, a.url,
                   u.display_name, p.id as person_id, p.external_id, p.name as person_name
            from activity a
            left join jira_user u on u.connection_id = a.connection_id and u.account_id = a.actor_account_id
            left join person_identity i on i.organization_id = a.organization_id and i.connection_id = a.connection_id
                                       and i.account_id = a.actor_account_id
            left join person p on p.id = i.person_id""";
    /** Rows the database hands over per round trip while an export streams. */
    static final int FETCH_SIZE = 500;

    private final NamedParameterJdbcTemplate named;
    private final NamedParameterJdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final JsonMapper json;

    ActivityReader(DataSource dataSource, PlatformTransactionManager transactions, JsonMapper json) {
        this.named = new NamedParameterJdbcTemplate(dataSource);
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(cursor);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.json = json;
    }

    /** Up to {@code limit} activities in the filter's order; one more is read to tell whether a page follows. */
    Page page(ActivityFilter filter, int limit) {
        ActivityWhere where = ActivityWhere.of(filter);
        where.params().addValue("limit", limit + 1);
        List<ActivityItem> rows = named.query(SELECT + where.sql() + ActivityWhere.order(filter)
                + " fetch first :limit rows only", where.params(), (rs, row) -> item(rs));
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        List<ActivityItem> shown = rows.subList(0, limit);
        ActivityItem last = shown.get(limit - 1);
        return new Page(List.copyOf(shown), new ActivityCursor(last.occurredAt(), last.id(), filter.ascending()).encode());
    }

    /**
     * Hands every matching activity to {@code each}, one row at a time, never holding the range: in a read-only
     * transaction (auto-commit off), where PostgreSQL's driver honours the fetch size with a server-side cursor
     * instead of reading the whole result first.
     */
    void stream(ActivityFilter filter, Consumer<ActivityItem> each) {
        ActivityWhere where = ActivityWhere.of(filter);
        readOnly.executeWithoutResult(status -> streaming.query(SELECT + where.sql()
                + ActivityWhere.order(filter), where.params(),
                (RowCallbackHandler) rs -> each.accept(item(rs))));
    }

    private ActivityItem item(ResultSet rs) throws SQLException {
        String personId = rs.getString("person_id");
        ActivityItem.Person person = personId == null ? null
                : new ActivityItem.Person(personId, rs.getString("external_id"), rs.getString("person_name"));
        return new ActivityItem(rs.getLong("id"), rs.getString("connection_id"), rs.getString("site_key"),
                rs.getString("source").toLowerCase(Locale.ROOT), rs.getString("kind").toLowerCase(Locale.ROOT),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                new ActivityItem.Actor(rs.getString("actor_account_id"), rs.getString("display_name"), person),
                new ActivityItem.ActivityObject(rs.getString("object_type"), rs.getString("object_id"),
                        rs.getString("object_key"), rs.getString("container"), rs.getString("title"), rs.getString("url")),
                detail(rs.getString("detail")));
    }

    /** The stored detail as an object; text that is not one (cut at 4,000 characters) as {@code {"text": ...}}. */
    private JsonNode detail(String stored) {
        if (stored == null || stored.isBlank()) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(stored);
            if (node.isObject()) {
                return node;
            }
        } catch (RuntimeException notJson) {
            // shown as text below
        }
        return json.createObjectNode().put("text", stored);
    }

    /** One page of a list, and the cursor of the next (null on the last). */
    record Page(List<ActivityItem> activities, String nextCursor) {
    }
}
