package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.account.People;
import dev.ferry.delivery.DeliveryDrain;
import dev.ferry.principal.ApiScope;
import dev.ferry.principal.Role;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.simulator.fault.Fault;
import dev.ferry.simulator.rest.Project;
import dev.ferry.support.ConsoleClient;
import dev.ferry.support.Organizations;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * What happens to a destination after it was added, through the product API beside the simulated Jira:
 * its site is disconnected (nothing is filed or queued there, events say so) and linked again; its project
 * is moved or archived in Jira and the destination moved to another one; it is deleted, its history kept.
 * The same in the admin console over HTTP, as a browser without JavaScript uses it.
 */
@FerryJourney
class DestinationChangesJourneyTest {

    static final String GUARDRAIL = "experiment.guardrail_breached";

    @Autowired
    ApplicationContext context;
    @Autowired
    Organizations organizations;
    @Autowired
    People people;

    Journey journey;
    JiraSimulator jira;
    String ferry;
    Organizations.Org org;
    ProductApi api;
    String clientKey;
    String destination;

    @BeforeEach
    void anOrganizationWithADestinationOnALinkedSite(Journey journey) {
        this.journey = journey;
        jira = journey.jira();
        ferry = journey.url();
        // A project whose issue types have other ids than FERRY's, so moving there must map the rules anew.
        jira.data().addProject("10020", "NEWOPS", "New operations", List.of(new Project.IssueType("20001", "Task", false),
                new Project.IssueType("20002", "Bug", false)));
        org = organizations.create("Acme Experiments");
        api = new ProductApi(ferry, org.key());
        destination = LinkedDestinations.create(jira, api, ferry, "FERRY");
        clientKey = jira.site().identity().clientKey();
    }

    @Test
    void aDisconnectedSitesDestinationsShowSiteNotLinkedAndEventsForThemAreSkippedNotQueued() {
        String queued = api.post("/api/v1/events", Events.guardrail("exp-1", "Checkout", null)).json()
                .path("id").asString();

        assertThat(api.delete("/api/v1/sites/" + clientKey).status()).isEqualTo(204);

        assertThat(api.get("/api/v1/destinations/" + destination).json().path("state").asString())
                .isEqualTo("SITE_NOT_LINKED");
        JsonNode before = api.get("/api/v1/events/" + queued).json();
        assertThat(before.path("outcome").asString()).isEqualTo("skipped");
        assertThat(before.path("deliveries").get(0).path("status").asString()).isEqualTo("SKIPPED");
        assertThat(before.path("deliveries").get(0).path("lastError").asString()).startsWith("site not linked");

        ProductApi.Reply receipt = api.post("/api/v1/events", Events.guardrail("exp-2", "Pricing", null));
        assertThat(receipt.status()).isEqualTo(202);
        assertThat(receipt.json().path("deliveries").asInt()).isZero();
        JsonNode skipped = receipt.json().path("skipped");
        assertThat(skipped).hasSize(1);
        assertThat(skipped.get(0).path("destinationId").asString()).isEqualTo(destination);
        assertThat(skipped.get(0).path("projectKey").asString()).isEqualTo("FERRY");
        assertThat(skipped.get(0).path("site").asString()).isEqualTo(clientKey);
        assertThat(skipped.get(0).path("reason").asString()).isEqualTo("site not linked");
        assertThat(api.get("/api/v1/events/" + receipt.json().path("id").asString()).json().path("outcome").asString())
                .isEqualTo("no-destination");

        refused(api.post("/api/v1/destinations/" + destination + "/test-ticket", "{}"), 409, "site not linked");
        refused(patch(api, destination, "NEWOPS"), 409, "site not linked");

        DeliveryDrain.drain(context);
        assertThat(jira.calls()).filteredOn(call -> call.method().equals("POST") && call.path().equals("/rest/api/3/issue"))
                .as("nothing is filed on a disconnected site").isEmpty();
    }

    @Test
    void linkingTheSiteAgainResumesItsDestinationsButNeverFilesWhatWasSkippedMeanwhile() {
        api.post("/api/v1/events", Events.guardrail("exp-1", "Checkout", null));
        assertThat(api.delete("/api/v1/sites/" + clientKey).status()).isEqualTo(204);
        api.post("/api/v1/events", Events.guardrail("exp-2", "Pricing", null));

        LinkedDestinations.linkSite(jira, api, ferry);
        assertThat(api.get("/api/v1/destinations/" + destination).json().path("state").asString()).isEqualTo("ACTIVE");
        DeliveryDrain.timePasses(context);
        assertThat(DeliveryDrain.drain(context)).as("nothing skipped while unlinked is replayed").isZero();

        ProductApi.Reply receipt = api.post("/api/v1/events", Events.guardrail("exp-3", "Search", null));
        assertThat(receipt.json().path("deliveries").asInt()).isEqualTo(1);
        assertThat(receipt.json().path("skipped")).isEmpty();
        DeliveryDrain.drain(context);
        JsonNode deliveries = api.get("/api/v1/deliveries").json().path("deliveries");
        assertThat(deliveries).hasSize(2);
        assertThat(deliveries.get(0).path("status").asString()).isEqualTo("DONE");
        assertThat(deliveries.get(0).path("subjectId").asString()).isEqualTo("exp-3");
        assertThat(deliveries.get(1).path("status").asString()).isEqualTo("SKIPPED");
        assertThat(jira.calls()).filteredOn(call -> call.method().equals("POST") && call.path().equals("/rest/api/3/issue"))
                .hasSize(1);
    }

    @Test
    void aDestinationWhoseProjectWasArchivedMovesToAnotherProjectAndItsWaitingDeliveriesGoThere() {
        jira.faults().add("POST", "/rest/api/3/issue", Fault.notFound("No project could be found with key 'FERRY'."), 1);
        api.post("/api/v1/events", Events.guardrail("exp-1", "Checkout", null));
        DeliveryDrain.drain(context);
        assertThat(api.get("/api/v1/destinations/" + destination).json().path("state").asString()).isEqualTo("REPAIR");
        assertThat(api.get("/api/v1/deliveries").json().path("deliveries").get(0).path("status").asString())
                .isEqualTo("WAITING");

        ProductApi.Reply moved = api.send("PATCH", "/api/v1/destinations/" + destination, "{\"projectKey\":\"NEWOPS\"}");

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().path("projectKey").asString()).isEqualTo("NEWOPS");
        assertThat(moved.json().path("state").asString()).isEqualTo("ACTIVE");
        JsonNode guardrail = rule(moved.json(), GUARDRAIL);
        assertThat(guardrail.path("issueType").asString()).isEqualTo("Bug");
        assertThat(guardrail.path("issueTypeId").asString()).isEqualTo("20002");
        DeliveryDrain.drain(context);
        JsonNode delivery = api.get("/api/v1/deliveries").json().path("deliveries").get(0);
        assertThat(delivery.path("status").asString()).isEqualTo("DONE");
        assertThat(delivery.path("issueKey").asString()).startsWith("NEWOPS-");
        assertThat(jira.data().issueJson(delivery.path("issueKey").asString(), jira.baseUrl()).orElseThrow()
                .path("fields").path("issuetype").path("name").asText()).isEqualTo("Bug");
        JsonNode audit = api.get("/api/v1/audit?action=DESTINATION_UPDATED").json().path("records");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).toString()).contains("FERRY -> NEWOPS");
    }

    @Test
    void movingADestinationIsRefusedForBadInputAndNothingChanges() {
        String foreign = anotherOrganizationsDestination();
        api.post("/api/v1/destinations", "{\"site\":\"" + clientKey + "\",\"projectKey\":\"OPS\"}");
        ProductApi readOnly = new ProductApi(ferry, organizations.key(org.id(), ApiScope.CONFIG_READ).key());
        String before = api.get("/api/v1/destinations/" + destination).body();
        jira.reset();

        refused(patch(api, destination, "NOPE"), 400, "Jira has no project NOPE");
        refused(patch(api, destination, "FERRY"), 400, "files in FERRY already");
        refused(patch(api, destination, "not a key"), 400, "projectKey must be a Jira project key");
        refused(patch(api, destination, "OPS"), 409, "already has a destination for OPS");
        refused(patch(api, "no-such-destination", "NEWOPS"), 404, "no destination no-such-destination");
        refused(patch(api, foreign, "NEWOPS"), 404, "no destination " + foreign);
        refused(patch(readOnly, destination, "NEWOPS"), 403, "config:write");

        assertThat(api.get("/api/v1/destinations/" + destination).body()).isEqualTo(before);
        assertThat(api.get("/api/v1/audit?action=DESTINATION_UPDATED").json().path("records")).isEmpty();
        assertThat(jira.calls()).filteredOn(call -> !call.method().equals("GET")).isEmpty();
    }

    @Test
    void aDeletedDestinationLeavesTheListsTakesNoEventsAndItsHistoryStaysReadable() {
        api.post("/api/v1/events", Events.guardrail("exp-1", "Checkout", null));
        DeliveryDrain.drain(context);
        String filed = api.get("/api/v1/deliveries").json().path("deliveries").get(0).path("issueKey").asString();
        String waiting = api.post("/api/v1/events", Events.guardrail("exp-2", "Pricing", null)).json()
                .path("id").asString();

        assertThat(api.delete("/api/v1/destinations/" + destination).status()).isEqualTo(204);

        assertThat(api.get("/api/v1/destinations").json()).isEmpty();
        refused(api.get("/api/v1/destinations/" + destination), 404, "no destination " + destination);
        JsonNode open = api.get("/api/v1/events/" + waiting).json().path("deliveries").get(0);
        assertThat(open.path("status").asString()).isEqualTo("SKIPPED");
        assertThat(open.path("lastError").asString()).isEqualTo("the destination was deleted");
        JsonNode log = api.get("/api/v1/deliveries").json().path("deliveries");
        assertThat(log).hasSize(2).allSatisfy(row -> {
            assertThat(row.path("destinationId").asString()).isEqualTo(destination);
            assertThat(row.path("destinationDeleted").asBoolean()).isTrue();
            assertThat(row.path("projectKey").asString()).isEqualTo("FERRY");
        });
        assertThat(api.get("/api/v1/links?subjectType=experiment&subjectId=exp-1").json().get(0).path("issueKey")
                .asString()).isEqualTo(filed);
        ProductApi.Reply later = api.post("/api/v1/events", Events.guardrail("exp-3", "Search", null));
        assertThat(later.json().path("deliveries").asInt()).isZero();
        assertThat(later.json().path("skipped")).isEmpty();
        JsonNode audit = api.get("/api/v1/audit?action=DESTINATION_DELETED").json().path("records");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).toString()).contains("FERRY on " + clientKey);

        ProductApi.Reply again = api.post("/api/v1/destinations", "{\"site\":\"" + clientKey + "\",\"projectKey\":\"FERRY\"}");
        assertThat(again.status()).as("the project can be added again").isEqualTo(201);
        DeliveryDrain.timePasses(context);
        assertThat(DeliveryDrain.drain(context)).isZero();
    }

    @Test
    void deletingADestinationIsRefusedForOtherOrganizationsAndKeysWithoutConfigWriteAndNothingChanges() {
        String foreign = anotherOrganizationsDestination();
        ProductApi readOnly = new ProductApi(ferry, organizations.key(org.id(), ApiScope.CONFIG_READ).key());

        refused(api.delete("/api/v1/destinations/no-such-destination"), 404, "no destination no-such-destination");
        refused(api.delete("/api/v1/destinations/" + foreign), 404, "no destination " + foreign);
        refused(readOnly.delete("/api/v1/destinations/" + destination), 403, "config:write");

        assertThat(api.get("/api/v1/destinations").json()).hasSize(1);
        assertThat(api.get("/api/v1/destinations/" + destination).json().path("state").asString()).isEqualTo("ACTIVE");
        assertThat(api.get("/api/v1/audit?action=DESTINATION_DELETED").json().path("records")).isEmpty();
        assertThat(api.delete("/api/v1/destinations/" + destination).status()).isEqualTo(204);
        refused(api.delete("/api/v1/destinations/" + destination), 404, "no destination " + destination);
    }

    @Test
    void afterADisconnectInTheConsoleTheDestinationsPageSaysSiteNotLinkedWithABanner() {
        var console = ConsoleClient.signIn(journey.port(), people.create(org.id(), Role.ADMIN));
        assertThat(console.post("/admin/integrations/jira/sites/" + clientKey + "/disconnect").statusCode()).isEqualTo(303);

        String page = console.get("/admin/destinations").body();
        assertThat(row(page, "FERRY")).contains("Site not linked").doesNotContain("Active");
        assertThat(page).contains("data-testid=\"banner-site-not-linked\"")
                .contains("Site not linked: a Jira site is no longer linked to your organization, so Ferry files no"
                        + " tickets for FERRY.")
                .contains("href=\"/admin/integrations/jira\" data-testid=\"banner-action\">Link the site");
        assertThat(console.get("/admin/destinations/" + destination).body())
                .contains("data-testid=\"banner-site-not-linked\"").contains(">Site not linked</span>");

        LinkedDestinations.linkSite(jira, api, ferry);
        page = console.get("/admin/destinations").body();
        assertThat(row(page, "FERRY")).contains("Active");
        assertThat(page).doesNotContain("banner-site-not-linked");
    }

    @Test
    void anAdminMovesADestinationToAnotherProjectOfItsSiteInTheConsole() {
        var console = ConsoleClient.signIn(journey.port(), people.create(org.id(), Role.MANAGER));
        String form = console.get("/admin/destinations/" + destination + "/project").body();
        assertThat(form).contains("<option value=\"NEWOPS\">").contains("<option value=\"OPS\">")
                .doesNotContain("<option value=\"FERRY\">");

        var refused = console.post("/admin/destinations/" + destination + "/project", "projectKey", "NOPE");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("data-testid=\"change-project-error\"").contains("Jira has no project NOPE");
        assertThat(api.get("/api/v1/destinations/" + destination).json().path("projectKey").asString()).isEqualTo("FERRY");

        var moved = console.post("/admin/destinations/" + destination + "/project", "projectKey", "NEWOPS");
        assertThat(moved.statusCode()).isEqualTo(303);
        assertThat(moved.headers().firstValue("Location").orElseThrow()).endsWith("/admin/destinations/" + destination);
        String page = console.get("/admin/destinations/" + destination).body();
        assertThat(page).contains("Destination moved to NEWOPS").contains("<h1>NEWOPS");
        assertThat(api.get("/api/v1/audit?action=DESTINATION_UPDATED").json().path("records").get(0).path("actor")
                .asString()).startsWith("user:");
    }

    @Test
    void anAdminDeletesADestinationAfterConfirmingAndTheDeliveriesLogStillNamesIt() {
        api.post("/api/v1/events", Events.guardrail("exp-1", "Checkout", null));
        DeliveryDrain.drain(context);
        var console = ConsoleClient.signIn(journey.port(), people.create(org.id(), Role.ADMIN));
        assertThat(console.get("/admin/destinations/" + destination).body())
                .contains("href=\"/admin/destinations/" + destination + "/delete\"");

        String confirm = console.get("/admin/destinations/" + destination + "/delete").body();
        assertThat(confirm).contains("Delete destination FERRY?").contains("data-testid=\"confirm-delete-destination\"");
        assertThat(api.get("/api/v1/destinations").json()).as("asking is not deleting").hasSize(1);
        var deleted = console.post("/admin/destinations/" + destination + "/delete");

        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(deleted.headers().firstValue("Location").orElseThrow()).endsWith("/admin/destinations");
        String list = console.get("/admin/destinations").body();
        assertThat(list).contains("Destination FERRY deleted").doesNotContain("data-project=\"FERRY\"");
        assertThat(console.get("/admin/deliveries").body()).contains("FERRY (destination deleted)");
        assertThat(console.get("/admin/destinations/" + destination).statusCode()).isEqualTo(404);
        assertThat(console.post("/admin/destinations/" + destination + "/delete").statusCode()).isEqualTo(404);
    }

    @Test
    void aMemberSeesNeitherFormAndTheServerRefusesTheirPostsAndNothingChanges() {
        var member = ConsoleClient.signIn(journey.port(), people.create(org.id(), Role.MEMBER));
        var confirm = member.get("/admin/destinations/" + destination + "/delete");
        assertThat(confirm.statusCode()).isEqualTo(403);
        assertThat(confirm.body()).doesNotContain("confirm-delete-destination");
        var project = member.get("/admin/destinations/" + destination + "/project");
        assertThat(project.statusCode()).isEqualTo(403);
        assertThat(project.body()).doesNotContain("<select");
        jira.reset();

        assertThat(member.post("/admin/destinations/" + destination + "/project", "projectKey", "NEWOPS").statusCode())
                .isEqualTo(403);
        assertThat(member.post("/admin/destinations/" + destination + "/delete").statusCode()).isEqualTo(403);

        JsonNode unchanged = api.get("/api/v1/destinations/" + destination).json();
        assertThat(unchanged.path("projectKey").asString()).isEqualTo("FERRY");
        assertThat(unchanged.path("state").asString()).isEqualTo("ACTIVE");
        assertThat(api.get("/api/v1/audit").body()).doesNotContain("DESTINATION_");
        assertThat(jira.calls()).isEmpty();
    }

    /** The row of the destinations table for a project. */
    private static String row(String page, String projectKey) {
        int start = page.indexOf("data-project=\"" + projectKey + "\"");
        assertThat(start).as("a row for " + projectKey).isPositive();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private static ProductApi.Reply patch(ProductApi as, String id, String projectKey) {
        return as.send("PATCH", "/api/v1/destinations/" + id, "{\"projectKey\":\"" + projectKey + "\"}");
    }

    private static JsonNode rule(JsonNode destination, String eventType) {
        for (JsonNode rule : destination.path("rules")) {
            if (rule.path("eventType").asString().equals(eventType)) {
                return rule;
            }
        }
        throw new AssertionError("no rule for " + eventType);
    }

    /** A site serves one organization at a time: lend it to another one for a destination there, then take it back. */
    private String anotherOrganizationsDestination() {
        ProductApi other = new ProductApi(ferry, organizations.create("Other").key());
        assertThat(api.delete("/api/v1/sites/" + clientKey).status()).isEqualTo(204);
        String foreign = LinkedDestinations.create(jira, other, ferry, "OPS");
        assertThat(other.delete("/api/v1/sites/" + clientKey).status()).isEqualTo(204);
        LinkedDestinations.linkSite(jira, api, ferry);
        return foreign;
    }

    private static void refused(ProductApi.Reply answer, int status, String detail) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.isProblem()).as(answer.contentType()).isTrue();
        assertThat(answer.json().path("detail").asString()).contains(detail);
    }
}
