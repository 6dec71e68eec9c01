package dev.ferry.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.ferry.ingest.ActivityKind;
import dev.ferry.persistence.Dialect;
import dev.ferry.support.FerryIntegrationTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The list reads a page from an index in the page's order, whatever the filter, so a table of millions of rows
 * answers in the time of one page: H2's plan names the index and says it is sorted by it. (PostgreSQL's planner
 * chooses by the table's statistics, so an empty test table says nothing there; the same indexes serve it.)
 */
@FerryIntegrationTest
class ActivityIndexPlansTest {

    static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-04-01T00:00:00Z");
    static final ActivityCursor CURSOR = new ActivityCursor(Instant.parse("2026-03-15T00:00:00Z"), 42, false);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Dialect dialect;

    @Test
    void everyFilteredPageIsReadFromAnIndexInItsOrder() {
        assumeFalse(dialect.postgres(), "H2's plan only");

        for (boolean ascending : new boolean[] {false, true}) {
            assertThat(plan(filter(null, null, null, ascending))).contains("ACTIVITY_TIME").contains("/* index sorted */");
            // Only ties of equal times are put in id order.
            assertThat(plan(filter(null, "api-token-1", null, ascending))).contains("ACTIVITY_CONNECTION")
                    .contains("/* index sorted: 2 of 3 columns */");
            assertThat(plan(filter(null, null, ActivityKind.COMMENT_ADDED, ascending))).contains("ACTIVITY_KIND_TIME")
                    .contains("/* index sorted */");
        }
        PersonRef dana = new PersonRef("p1", "user-dana", "Dana", List.of(new PersonRef.Identity("api-token-1", "557058:dana"),
                new PersonRef.Identity("api-token-2", "557058:dana")));
        assertThat(plan(filter(dana, null, null, false))).contains("ACTIVITY_ACTOR");
    }

    private static ActivityFilter filter(PersonRef person, String connection, ActivityKind kind, boolean ascending) {
        return new ActivityFilter("org-1", person, connection, null, kind, FROM, TO, ascending,
                new ActivityCursor(CURSOR.occurredAt(), CURSOR.id(), ascending));
    }

    private String plan(ActivityFilter filter) {
        ActivityWhere where = ActivityWhere.of(filter);
        where.params().addValue("limit", 101);
        String plan = new NamedParameterJdbcTemplate(jdbc).queryForObject("explain " + ActivityReader.SELECT
                + where.sql() + ActivityWhere.order(filter) + " fetch first :limit rows only", where.params(), String.class);
        return plan;
    }
}
