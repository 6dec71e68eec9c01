package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.auditcollector.AuditPollDrain;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A collector over each kind of connection (an app install, an API token, an OAuth grant), added through the API:
 * the install reads the audit log with the app's ADMIN scope, the token with its account's Administer Jira. The
 * default OAuth grant holds no audit scope, so Ferry does not ask Jira at all: the collector says which scope
 * to add, and the connection stays healthy for everything else it serves.
 */
class AuditCollectorKindsJourneyTest extends WithLinkedDestination {

    static final String PATH = "/rest/api/3/auditing/record";

    @Test
    void aCollectorReadsTheSitesAuditRecordsOverTheConnectionOrSaysWhichScopeItLacks() {
        jira.data().grant(Journey.FILER_ID, "ADMINISTER", true);
        String word = "k" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Instant now = Instant.now();
        for (int i = 0; i < 3; i++) {
            jira.data().auditLog().add("Group " + word + " changed " + i, "group management", now.minusSeconds(60 - i));
        }
        ProductApi.Reply added = api.post("/api/v1/audit-collectors", "{\"connectionId\":\"" + clientKey
                + "\",\"filter\":\"" + word + "\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String collector = added.json().path("id").asString();

        AuditPollDrain.drain(context);

        JsonNode view = api.get("/api/v1/audit-collectors/" + collector).json();
        if (kind == SiteKind.OAUTH) {
            assertThat(view.path("state").asString()).isEqualTo("failing");
            assertThat(view.path("failure").asString()).isEqualTo("FORBIDDEN");
            assertThat(view.path("lastError").asString()).contains("manage:jira-configuration")
                    .contains("read:audit-log:jira and read:user:jira").contains("Reconnect");
            assertThat(jira.calls()).filteredOn(call -> Journey.sitePath(call.path()).equals(PATH))
                    .as("a grant without the scope is not sent to the audit log").isEmpty();
            assertThat(api.get("/api/v1/connections/" + clientKey).json().path("health").path("state").asString())
                    .isEqualTo("ok");
        } else {
            assertThat(view.path("state").asString()).as(view.toString()).isEqualTo("running");
            assertThat(view.path("recordsStored").asLong()).isEqualTo(3);
            JsonNode records = api.get("/api/v1/audit-records?collector=" + collector).json().path("records");
            assertThat(records).hasSize(3);
            assertThat(records.get(0).path("summary").asString()).isEqualTo("Group " + word + " changed 0");
            assertThat(jira.calls()).filteredOn(call -> Journey.sitePath(call.path()).equals(PATH))
                    .isNotEmpty().allSatisfy(call -> assertThat(call.status()).isEqualTo(200));
        }
    }
}
