package dev.ferry.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.Organizations;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every change to the event catalog leaves an audit record naming who changed what; a PUT changing nothing leaves none. */
@FerryIntegrationTest
class CatalogAuditTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String TYPE = """
            {"variables":["metric"],"issueType":"Task","priority":"High","summaryTemplate":"Anomaly","labels":["dq"]%s}""";

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    Http http;
    Organizations.Org acme;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        acme = organizations.create("Acme");
    }

    @Test
    void addingAndChangingAnEventTypeIsAuditedWithTheKeyAndWhatChanged() {
        assertThat(http.put("/api/v1/event-types/anomaly.detected", TYPE.formatted(""), acme.auth()).statusCode())
                .isEqualTo(200);
        assertThat(http.put("/api/v1/event-types/anomaly.detected", TYPE.formatted(",\"enabled\":true")
                .replace("High", "Low"), acme.auth()).statusCode()).isEqualTo(200);

        List<JsonNode> records = catalogRecords();
        assertThat(records).hasSize(2);
        JsonNode changed = records.get(0);
        assertThat(changed.path("actor").asString()).isEqualTo("api-key:" + acme.keyId());
        assertThat(changed.path("target").asString()).isEqualTo("event type anomaly.detected");
        assertThat(changed.path("detail").asString()).isEqualTo("enabled false -> true; priority High -> Low");
        assertThat(records.get(1).path("detail").asString()).startsWith("added: variables [metric], enabled false");
    }

    @Test
    void aPutThatChangesNothingLeavesNoRecord() {
        http.put("/api/v1/event-types/anomaly.detected", TYPE.formatted(""), acme.auth());
        http.put("/api/v1/event-types/anomaly.detected", TYPE.formatted(""), acme.auth());

        assertThat(catalogRecords()).hasSize(1);
    }

    @Test
    void aRefusedEventTypeIsNeitherStoredNorAudited() {
        var refused = http.put("/api/v1/event-types/anomaly.detected", TYPE.formatted("").replace("\"Task\"", "\"\""),
                acme.auth());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(catalogRecords()).isEmpty();
    }

    private List<JsonNode> catalogRecords() {
        JsonNode page = JSON.readTree(http.get("/api/v1/audit?action=CATALOG_UPDATED", acme.auth()).body());
        return StreamSupport.stream(page.path("records").spliterator(), false).toList();
    }
}
