package dev.ferry.auditrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.ferry.persistence.Dialect;
import dev.ferry.support.FerryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reads that walk records after a position (a sink's next batch, a forwarder's next page) follow an index in
 * position order and stop at the limit, so a backlog of millions costs one batch a read: H2's plan names the index
 * and says it is sorted by it, no sort of every row after the position.
 */
@FerryIntegrationTest
class AuditRecordPlansTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Dialect dialect;

    @Test
    void aBatchAfterAPositionIsReadFromAnIndexInPositionOrder() {
        assumeFalse(dialect.postgres(), "H2's plan only");

        assertThat(plan(AuditRecordStore.AFTER_OF_COLLECTOR, "collector-1", "org-a", 5L, 500))
                .contains("JIRA_AUDIT_RECORD_COLLECTOR").contains("/* index sorted");
        assertThat(plan(AuditRecordStore.AFTER_OF_ORGANIZATION, "org-a", 5L, 500))
                .contains("JIRA_AUDIT_RECORD_ORGANIZATION").contains("/* index sorted");
    }

    private String plan(String sql, Object... args) {
        return jdbc.queryForObject("explain " + sql, String.class, args);
    }
}
