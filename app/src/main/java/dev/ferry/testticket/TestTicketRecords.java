package dev.ferry.testticket;

import dev.ferry.destination.Destination;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The test tickets Ferry filed, so that only those can be deleted through it. */
@Component
class TestTicketRecords {

    private final JdbcClient jdbc;

    TestTicketRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One test ticket still in Jira as far as Ferry knows. */
    record TestTicket(long id, String clientKey, String issueId, String issueKey, String summary) {
    }

    void sent(Destination destination, String issueId, String issueKey, String eventType, String summary, String actor,
            Instant now) {
        jdbc.sql("""
                insert into test_ticket (organization_id, destination_id, client_key, issue_id, issue_key, event_type,
                    summary, sent_by, sent_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(destination.organizationId(), destination.id(), destination.clientKey(), issueId, issueKey,
                        eventType, summary, actor, Timestamp.from(now)).update();
    }

    /** The live test ticket {@code issueKey} sent from this destination of this organization, if any. */
    Optional<TestTicket> find(String organizationId, String destinationId, String issueKey) {
        return jdbc.sql("""
                select id, client_key, issue_id, issue_key, summary from test_ticket
                where organization_id = ? and destination_id = ? and issue_key = ? and deleted_at is null""")
                .params(organizationId, destinationId, issueKey)
                .query((rs, row) -> new TestTicket(rs.getLong("id"), rs.getString("client_key"),
                        rs.getString("issue_id"), rs.getString("issue_key"), rs.getString("summary"))).optional();
    }

    void deleted(TestTicket ticket, Instant now) {
        jdbc.sql("update test_ticket set deleted_at = ? where id = ?").params(Timestamp.from(now), ticket.id()).update();
    }
}
