package dev.ferry.objectstate;

import dev.ferry.link.ObjectHistory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An object's changes, newest first, each with how every ticket took it: for the API and the console alike. */
@Component
class StateHistory implements ObjectHistory {

    /** The newest changes only: an object's history is read beside its tickets, not searched. */
    static final int SHOWN = 50;

    private final JdbcClient jdbc;

    StateHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One change and its comments; {@code text} is the note of a state or the body of a comment. */
    record Change(long id, ChangeKind kind, String state, String text, String by, Instant createdAt,
            List<Delivery> tickets) {
    }

    /**
     * One ticket's comment: {@code PENDING}, {@code WAITING} (the site's credentials), {@code DONE},
     * {@code FAILED} or {@code SKIPPED}, with why when it did not go.
     */
    record Delivery(long linkId, String site, String issueKey, String status, String error, int attempts,
            Instant commentedAt) {
    }

    List<Change> changes(String organizationId, String objectType, String objectId) {
        List<ObjectChange> changes = jdbc.sql("""
                select * from object_change where organization_id = ? and object_type = ? and object_id = ?
                order by created_at desc, id desc limit ?""")
                .params(organizationId, objectType, objectId, SHOWN).query(StateHistory::change).list();
        if (changes.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Delivery>> comments = jdbc.sql("""
                select c.* from object_change_comment c join object_change o on o.id = c.change_id
                where o.organization_id = ? and o.object_type = ? and o.object_id = ? order by c.id""")
                .params(organizationId, objectType, objectId)
                .query((rs, row) -> Map.entry(rs.getLong("change_id"), delivery(rs))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return changes.stream().map(change -> new Change(change.id(), change.kind(), change.state(), change.text(),
                change.by(), change.createdAt(), comments.getOrDefault(change.id(), List.of()))).toList();
    }

    @Override
    public List<Entry> of(String organizationId, String objectType, String objectId) {
        return changes(organizationId, objectType, objectId).stream().map(change -> new Entry(
                CommentText.TIME.format(change.createdAt()),
                change.kind() == ChangeKind.STATE ? "State: " + CommentText.capitalised(change.state()) : "Comment",
                change.text() == null ? "" : change.text(), change.by() == null ? "" : change.by(),
                change.tickets().stream().map(StateHistory::shown).toList())).toList();
    }

    private static Ticket shown(Delivery ticket) {
        String reason = ticket.error() == null ? "" : ticket.error();
        return switch (ticket.status()) {
            case "DONE" -> new Ticket(ticket.issueKey(), "Commented", "", "");
            case "FAILED" -> new Ticket(ticket.issueKey(), "Failed", "error", reason);
            case "SKIPPED" -> new Ticket(ticket.issueKey(), "Skipped", "neutral", reason);
            case "WAITING" -> new Ticket(ticket.issueKey(), "Waiting", "warn", reason);
            default -> new Ticket(ticket.issueKey(), "Pending", "warn", reason);
        };
    }

    static ObjectChange change(ResultSet rs, int row) throws SQLException {
        return new ObjectChange(rs.getLong("id"), rs.getString("organization_id"), rs.getString("object_type"),
                rs.getString("object_id"), ChangeKind.valueOf(rs.getString("kind")), rs.getString("state"),
                rs.getString("text"), rs.getString("changed_by"), rs.getString("actor"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        java.sql.Timestamp finished = rs.getTimestamp("finished_at");
        return new Delivery(rs.getLong("link_id"), rs.getString("client_key"), rs.getString("issue_key"),
                rs.getString("status"), rs.getString("last_error"), rs.getInt("attempts"),
                "DONE".equals(rs.getString("status")) && finished != null ? finished.toInstant() : null);
    }
}
