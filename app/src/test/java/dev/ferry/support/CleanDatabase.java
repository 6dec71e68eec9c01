package dev.ferry.support;

import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/** Empties Ferry's tables before each test, on H2 and PostgreSQL alike. */
public class CleanDatabase implements BeforeEachCallback {

    static final List<String> TABLES = List.of("jira_audit_record", "audit_sink", "audit_collector", "personal_data_report", "person_identity", "person", "activity", "jira_user", "ingest_job", "ingest_checkpoint",
            "ingest_schedule", "object_change_comment", "object_change", "callback_message", "callback_endpoint", "hand_ticket", "glance_refresh", "oauth_state", "ticket_link", "webhook_delivery", "lifecycle_token",
            "delivery_lane", "test_ticket", "ticket_delivery", "product_event", "delivery_rule", "destination", "event_type", "audit_record",
            "jira_rate_budget", "rate_window", "site_link_request", "site_link", "api_key", "jira_connection", "oauth_grant", "spring_session_attributes", "spring_session", "sign_in_brake",
            "first_admin_claim", "app_user", "organization", "forge_installation", "site");

    @Override
    public void beforeEach(ExtensionContext context) {
        var jdbc = new JdbcTemplate(SpringExtension.getApplicationContext(context).getBean(DataSource.class));
        TABLES.forEach(table -> jdbc.update("delete from " + table));
    }
}
