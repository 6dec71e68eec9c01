package dev.ferry.e2e;

import static dev.ferry.e2e.Events.guardrail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.account.People;
import dev.ferry.delivery.DeliveryDrain;
import dev.ferry.link.ReconcileRun;
import dev.ferry.panel.GlanceDrain;
import dev.ferry.principal.Role;
import dev.ferry.simulator.RecordedCall;
import dev.ferry.support.ConsoleClient;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Linking an existing ticket changes nothing a Jira user sees on it: no comment, no field, no remote link; the
 * only thing Ferry writes is its own glance property, and only where the app is installed. Links are many to many
 * in both directions, a status Ferry does not know says why, and a deleted issue is a broken reference that can
 * be removed.
 */
class LinkSemanticsJourneyTest extends WithLinkedDestination {

    /** Calls that only read, whatever their method. */
    static final Set<String> READS = Set.of("/rest/api/3/search/jql", "/rest/api/3/permissions/check",
            "/rest/api/3/issue/bulkfetch");

    @Test
    void linkingAnExistingTicketChangesNothingAJiraUserSees() {
        String key = jira.admin().createIssue("FERRY", "Task", "Filed by a person");
        String fieldsBefore = jira.data().issueJson(key, jira.baseUrl()).orElseThrow().path("fields").toString();
        int callsBefore = jira.calls().size();

        assertThat(link(key, "m-1").status()).isEqualTo(201);
        GlanceDrain.drain(context);

        assertThat(jira.data().issueJson(key, jira.baseUrl()).orElseThrow().path("fields").toString())
                .as("fields, comments and the updated time").isEqualTo(fieldsBefore);
        assertThat(jira.data().remoteLinkCount(key)).isZero();
        List<String> writes = jira.calls().subList(callsBefore, jira.calls().size()).stream().filter(this::writes)
                .map(call -> call.method() + " " + Journey.sitePath(call.path())).toList();
        if (kind == SiteKind.INSTALL) {
            assertThat(jira.data().issueProperties(key)).containsOnlyKeys(PanelsWithJiraTest.BADGE);
            assertThat(writes).singleElement().asString().startsWith("PUT /rest/api/3/issue/")
                    .endsWith("/properties/" + PanelsWithJiraTest.BADGE);
        } else {
            assertThat(jira.data().issueProperties(key)).as("no app, no glance: nothing at all").isEmpty();
            assertThat(writes).isEmpty();
        }
        journey.assertNoSpecViolations();
    }

    @Test
    void oneObjectHasManyTicketsEachWithItsKnownStatus() {
        List<String> keys = List.of(jira.admin().createIssue("FERRY", "Task", "First"),
                jira.admin().createIssue("FERRY", "Bug", "Second"), jira.admin().createIssue("OPS", "Task", "Third"));
        keys.forEach(key -> assertThat(link(key, "m-many").status()).isEqualTo(201));

        List<JsonNode> links = links("m-many");

        assertThat(links).extracting(link -> link.path("issueKey").asString()).containsExactlyElementsOf(keys);
        assertThat(links).allSatisfy(link -> {
            assertThat(link.path("statusKnown").asBoolean()).isTrue();
            assertThat(link.path("status").asString()).isEqualTo("To Do");
            assertThat(link.path("statusReason").isNull()).isTrue();
        });
    }

    @Test
    void oneTicketHasManyObjectsAndUnlinkingOneLeavesTheOthers() {
        String key = jira.admin().createIssue("FERRY", "Task", "Shared by three monitors");
        List<Long> ids = List.of("m-a", "m-b", "m-c").stream().map(object -> link(key, object).json().path("id").asLong())
                .toList();
        assertThat(Set.copyOf(ids)).hasSize(3);
        GlanceDrain.drain(context);
        assertBadge(key, "3");

        assertThat(api.delete("/api/v1/links/" + ids.get(1)).status()).isEqualTo(204);
        GlanceDrain.drain(context);

        assertThat(links("m-a")).singleElement().satisfies(link -> assertThat(link.path("issueKey").asString()).isEqualTo(key));
        assertThat(links("m-b")).isEmpty();
        assertThat(links("m-c")).singleElement().satisfies(link -> assertThat(link.path("issueKey").asString()).isEqualTo(key));
        assertBadge(key, "2");
        assertThat(jira.data().issueJson(key, jira.baseUrl()).orElseThrow().path("fields").path("comment")
                .path("total").asInt()).isZero();
    }

    @Test
    void aDeletedIssueIsABrokenReferenceWithNoStatusThatCanBeRemoved() {
        String key = jira.admin().createIssue("FERRY", "Task", "Deleted later");
        long id = link(key, "m-gone").json().path("id").asLong();
        jira.data().deleteIssue(key);
        ReconcileRun.now(context);

        JsonNode broken = links("m-gone").get(0);
        assertThat(broken.path("broken").asBoolean()).isTrue();
        assertThat(broken.path("status").isNull()).isTrue();
        assertThat(broken.path("statusKnown").asBoolean()).isFalse();
        assertThat(broken.path("statusReason").asString()).isEqualTo("ISSUE_DELETED");

        assertThat(api.delete("/api/v1/links/" + id).status()).isEqualTo(204);
        assertThat(links("m-gone")).isEmpty();
        assertThat(api.get("/api/v1/audit?action=LINK_REMOVED").json().toString()).contains(key);
    }

    @Test
    void aTicketWhoseStatusWasNeverReadIsUnknownSayingWhyOnTheApiAndTheConsole() {
        api.postEvent(guardrail("exp-u", "Unknown status"));
        DeliveryDrain.drain(context);

        JsonNode filed = api.get("/api/v1/links?subjectType=experiment&subjectId=exp-u").json().get(0);
        assertThat(filed.path("status").isNull()).isTrue();
        assertThat(filed.path("statusKnown").asBoolean()).isFalse();
        assertThat(filed.path("statusReason").asString()).isEqualTo("NOT_READ_YET");
        var member = ConsoleClient.signIn(journey.port(), context.getBean(People.class).create(api.organizationId(),
                Role.MEMBER));
        String page = member.get("/admin/links?subjectType=experiment&subjectId=exp-u").body();
        assertThat(page).contains(">Unknown<").contains("Ferry has not read the status from Jira yet");

        ReconcileRun.now(context);
        JsonNode read = api.get("/api/v1/links?subjectType=experiment&subjectId=exp-u").json().get(0);
        assertThat(read.path("statusKnown").asBoolean()).isTrue();
        assertThat(read.path("status").asString()).isEqualTo("To Do");
        assertThat(member.get("/admin/links?subjectType=experiment&subjectId=exp-u").body()).doesNotContain(">Unknown<");
    }

    private ProductApi.Reply link(String key, String monitor) {
        ProductApi.Reply linked = api.post("/api/v1/links", """
                {"site":"%s","issueKey":"%s","subject":{"type":"monitor","id":"%s","title":"Freshness"}}"""
                .formatted(clientKey, key, monitor));
        assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        return linked;
    }

    private List<JsonNode> links(String monitor) {
        return StreamSupport.stream(api.get("/api/v1/links?subjectType=monitor&subjectId=" + monitor).json()
                .spliterator(), false).toList();
    }

    private void assertBadge(String key, String label) {
        if (kind == SiteKind.INSTALL) {
            assertThat(jira.data().issueProperty(key, PanelsWithJiraTest.BADGE).orElseThrow().path("value")
                    .path("label").asText()).isEqualTo(label);
        } else {
            assertThat(jira.data().issueProperties(key)).isEmpty();
        }
    }

    private boolean writes(RecordedCall call) {
        return !call.method().equals("GET") && !READS.contains(Journey.sitePath(call.path()));
    }
}
