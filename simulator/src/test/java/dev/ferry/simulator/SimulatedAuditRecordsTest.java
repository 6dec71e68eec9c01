package dev.ferry.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Jira's audit records as the site admin reads them: order, paging, time range, filter and Jira's quirks. */
class SimulatedAuditRecordsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
    private JiraSimulator jira;

    @BeforeEach
    void start() {
        jira = JiraSimulator.start();
        AuditCalls.admitAdmin(jira);
    }

    @AfterEach
    void stop() {
        jira.close();
    }

    @Test
    void recordsComeNewestFirstWithIdsBreakingTiesAndTheirFullShape() throws Exception {
        long first = jira.data().auditLog().add("User created", "user management", BASE);
        long second = jira.data().auditLog().add("Group created", "group management", BASE);
        long newest = jira.data().auditLog().add("Project updated", "projects", BASE.plusSeconds(1));
        JsonNode page = read("");
        assertThat(ids(page)).containsExactly(newest, second, first);
        assertThat(first).isLessThan(second);
        JsonNode record = page.path("records").get(2);
        assertThat(record.path("created").asText()).isEqualTo("2026-01-01T00:00:00.000+0000");
        assertThat(record.path("authorAccountId").asText()).isNotBlank();
        assertThat(record.path("remoteAddress").asText()).isNotBlank();
        assertThat(record.path("objectItem").path("name").asText()).isEqualTo("User created");
        assertThat(record.path("changedValues").isArray()).isTrue();
        assertThat(record.path("associatedItems").isArray()).isTrue();
        assertThat(page.path("limit").asInt()).isEqualTo(1000);
        jira.assertNoSpecViolations();
    }

    @Test
    void offsetAndLimitPageTheRecordsInRangeAndTotalCountsThem() throws Exception {
        hourly(10);
        JsonNode page = read("offset=2&limit=3&from=2026-01-01T02:00:00.000Z&to=2026-01-01T08:00:00.000Z");
        assertThat(page.path("total").asInt()).isEqualTo(7);
        assertThat(page.path("offset").asInt()).isEqualTo(2);
        assertThat(page.path("limit").asInt()).isEqualTo(3);
        assertThat(summaries(page)).containsExactly("change 6", "change 5", "change 4");
    }

    @Test
    void fromAndToAreInclusiveAndReadInEveryFormJiraTakes() throws Exception {
        hourly(5);
        for (String[] range : List.of(new String[] {"2026-01-01T01:00:00Z", "2026-01-01T03:00:00Z"},
                new String[] {"2026-01-01T01:00:00.000+0000", "2026-01-01T03:00:00.000+0000"},
                new String[] {"2026-01-01T02:00:00+01:00", "2026-01-01T03:00:00.000Z"})) {
            JsonNode page = read("from=" + enc(range[0]) + "&to=" + enc(range[1]));
            assertThat(summaries(page)).containsExactly("change 3", "change 2", "change 1");
        }
        assertThat(summaries(read("from=2026-01-01T01:00:00.000+0000&to=2026-01-01T01:00:00.000+0000")))
                .containsExactly("change 1");
    }

    @Test
    void anUnreadableTimeOrANegativeOffsetIs400WithJirasErrorCollection() throws Exception {
        HttpResponse<String> badTime = AuditCalls.asAdmin(jira, "from=yesterday");
        assertThat(badTime.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badTime.body()).path("errors").path("from").asText()).contains("yesterday");
        assertThat(AuditCalls.asAdmin(jira, "offset=-1").statusCode()).isEqualTo(400);
        assertThat(AuditCalls.asAdmin(jira, "limit=-5").statusCode()).isEqualTo(400);
    }

    @Test
    void everyFilterWordMustMatchSomeSearchedField() throws Exception {
        jira.data().auditLog().add("User added to group", "group management", BASE);
        jira.data().auditLog().add("User created", "user management", BASE.plusSeconds(1));
        jira.data().auditLog().add("Workflow updated", "workflows", BASE.plusSeconds(2));
        assertThat(summaries(read("filter=" + enc("man ed")))).containsExactly("User created", "User added to group");
        assertThat(summaries(read("filter=GROUP"))).containsExactly("User added to group");
        assertThat(summaries(read("filter=" + enc("group workflow")))).isEmpty();
        assertThat(read("filter=workflows").path("total").asInt()).isEqualTo(1);
    }

    @Test
    void aLimitAboveJirasMostIsCappedAt1000() throws Exception {
        jira.data().auditLog().generate(1500, BASE, BASE.plus(Duration.ofDays(1)));
        JsonNode page = read("limit=5000");
        assertThat(page.path("limit").asInt()).isEqualTo(1000);
        assertThat(page.path("records")).hasSize(1000);
        assertThat(page.path("total").asInt()).isEqualTo(1500);
    }

    @Test
    void shortPagesAnswerFewerRecordsThanTheLimitUntilTurnedOff() throws Exception {
        hourly(10);
        jira.data().auditLog().shortPages(3);
        JsonNode page = read("limit=5");
        assertThat(page.path("records")).hasSize(3);
        assertThat(page.path("total").asInt()).isEqualTo(10);
        jira.data().auditLog().shortPages(0);
        assertThat(read("limit=5").path("records")).hasSize(5);
    }

    @Test
    void aRecordAddedWhilePagingShiftsTheLaterPages() throws Exception {
        hourly(6);
        JsonNode first = read("offset=0&limit=3");
        assertThat(summaries(first)).containsExactly("change 5", "change 4", "change 3");
        jira.data().auditLog().add("late", "system", BASE.plus(Duration.ofMinutes(330)));
        JsonNode second = read("offset=3&limit=3");
        assertThat(summaries(second)).containsExactly("change 3", "change 2", "change 1");
        assertThat(second.path("total").asInt()).isEqualTo(7);
    }

    @Test
    void aRecordWithUnexpectedFieldsIsAnsweredExactlyAsAdded() throws Exception {
        ObjectNode odd = JSON.createObjectNode().put("summary", "Odd").put("created", "2026-01-01T00:00:00.000+0000");
        odd.putObject("newFieldJiraAdded").put("nested", true);
        long id = jira.data().auditLog().add(odd);
        JsonNode record = read("").path("records").get(0);
        assertThat(record.path("id").asLong()).isEqualTo(id);
        assertThat(record.path("newFieldJiraAdded").path("nested").asBoolean()).isTrue();
        assertThat(jira.data().auditLog().byId(id)).contains(odd);
    }

    @Test
    void generatedAndAddedRecordsPageTogetherByCreated() throws Exception {
        jira.data().auditLog().generate(10, BASE, BASE.plusSeconds(9));
        long added = jira.data().auditLog().add("Between", "system", BASE.plusMillis(4500));
        List<Long> seen = new ArrayList<>();
        for (int offset = 0; offset < 11; offset += 4) {
            seen.addAll(ids(read("offset=" + offset + "&limit=4")));
        }
        assertThat(seen).hasSize(11).doesNotHaveDuplicates();
        assertThat(seen.get(5)).isEqualTo(added);
        assertThat(jira.data().auditLog().all()).extracting(record -> record.path("id").asLong())
                .containsExactlyElementsOf(seen);
        assertThat(jira.data().auditLog().total()).isEqualTo(11);
    }

    private void hourly(int count) {
        for (int i = 0; i < count; i++) {
            jira.data().audit("change " + i, "user management", BASE.plus(Duration.ofHours(i)));
        }
    }

    private JsonNode read(String query) throws Exception {
        HttpResponse<String> response = AuditCalls.asAdmin(jira, query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("records").forEach(record -> ids.add(record.path("id").asLong()));
        return ids;
    }

    private static List<String> summaries(JsonNode page) {
        List<String> summaries = new ArrayList<>();
        page.path("records").forEach(record -> summaries.add(record.path("summary").asText()));
        return summaries;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
