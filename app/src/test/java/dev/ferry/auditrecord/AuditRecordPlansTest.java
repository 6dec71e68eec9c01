package dev.ferry.auditrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.ferry.persistence.Dialect;
import dev.ferry.support.FerryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

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

    @Test
    void aPagesIdsAreLookedUpWithSeeksOfTheUniqueIndex() {
        assumeFalse(dialect.postgres(), "H2's plan only");

        String plan = new NamedParameterJdbcTemplate(jdbc).queryForObject("explain " + AuditRecordStore.STORED_IDS,
                new MapSqlParameterSource("collector", "collector-1").addValue("ids", List.of(7L, 8L, 9L)), String.class);
        assertThat(plan).contains("JIRA_AUDIT_RECORD_ONCE").contains("RECORD_ID IN(");
    }

    private String plan(String sql, Object... args) {
        return jdbc.queryForObject("explain " + sql, String.class, args);
    }
}
