package dev.ferry.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.jira.JiraClient;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The descriptor Jira reads: rendered from the root template with this deployment's base URL and key. */
@FerryIntegrationTest
@TestPropertySource(properties = {"ferry.base-url=https://ferry.example.com/", "ferry.app-key=acme-ferry"})
class DescriptorTest {

    @LocalServerPort
    int port;

    @Test
    void theDescriptorCarriesTheConfiguredBaseUrlAndAppKey() {
        JsonNode descriptor = descriptor();

        assertThat(descriptor.get("key").asString()).isEqualTo("acme-ferry");
        assertThat(descriptor.get("baseUrl").asString()).isEqualTo("https://ferry.example.com");
        assertThat(descriptor.at("/links/self").asString()).isEqualTo("https://ferry.example.com/atlassian-connect.json");
        assertThat(descriptor.at("/authentication/type").asString()).isEqualTo("jwt");
    }

    @Test
    void everyApiMigrationIsOn() {
        JsonNode migrations = descriptor().get("apiMigrations");

        assertThat(migrations.get("gdpr").asBoolean()).isTrue();
        assertThat(migrations.get("context-qsh").asBoolean()).isTrue();
        assertThat(migrations.get("signed-install").asBoolean()).isTrue();
    }

    @Test
    void allFourLifecycleEventsPointAtTheirEndpoints() {
        JsonNode lifecycle = descriptor().get("lifecycle");

        for (String event : List.of("installed", "uninstalled", "enabled", "disabled")) {
            assertThat(lifecycle.get(event).asString()).isEqualTo("/lifecycle/" + event);
        }
    }

    @Test
    void theModulesLaterWorkFillsInAreDeclared() {
        JsonNode modules = descriptor().get("modules");

        List<String> events = new ArrayList<>();
        modules.get("webhooks").forEach(webhook -> events.add(webhook.get("event").asString()));
        assertThat(events).contains("jira:issue_created", "jira:issue_updated", "jira:issue_deleted",
                "comment_created", "comment_updated", "comment_deleted",
                "worklog_created", "worklog_updated", "worklog_deleted");
        assertThat(modules.at("/jiraIssueGlances/0/target/type").asString()).isEqualTo("web_panel");
        assertThat(modules.at("/webPanels/0/location").asString()).isEqualTo("atl.jira.view.issue.right.context");
        assertThat(modules.at("/configurePage/url").asString()).isEqualTo("/configure");
    }

    @Test
    void theDeliveryMarkerIsIndexedSoJqlCanFindIt() {
        JsonNode index = descriptor().at("/modules/jiraEntityProperties/0");

        assertThat(index.path("entityType").asString()).isEqualTo("issue");
        JsonNode key = index.at("/keyConfigurations/0");
        assertThat(key.path("propertyKey").asString()).isEqualTo(JiraClient.DELIVERY_PROPERTY);
        assertThat(key.at("/extractions/0/objectName").asString()).isEqualTo(JiraClient.DELIVERY_PROPERTY_PATH);
        assertThat(key.at("/extractions/0/type").asString()).isEqualTo("string");
    }

    @Test
    void theKeyIsWithinJirasLimits() {
        assertThat(descriptor().get("key").asString()).matches("[a-zA-Z0-9._-]{1,64}");
    }

    JsonNode descriptor() {
        var response = new Http(port).get("/atlassian-connect.json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        return JsonMapper.builder().build().readTree(response.body());
    }
}
