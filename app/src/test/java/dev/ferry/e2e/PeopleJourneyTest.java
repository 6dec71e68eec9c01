package dev.ferry.e2e;

import static dev.ferry.e2e.ProductApi.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.ingest.Activity;
import dev.ferry.ingest.ActivityKind;
import dev.ferry.ingest.ActivityStore;
import dev.ferry.ingest.IngestTarget;
import dev.ferry.jira.JiraSite;
import dev.ferry.people.Attribution;
import dev.ferry.people.PersonRef;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.site.SiteDirectory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The people directory over HTTP against the simulated site: emails resolved, hidden and unknown; the actors of
 * stored activities not mapped yet, and mapping one attributing its past; the mapping as CSV both ways; and a
 * person erased with their activities.
 */
@FerryJourney
class PeopleJourneyTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Autowired
    ApplicationContext context;

    Journey journey;
    JiraSimulator jira;
    ProductApi api;
    String connection;
    /** Accounts live as long as the shared simulator: each test names its own. */
    String run;

    @BeforeEach
    void anOrganizationWithAnApiTokenConnection(Journey journey) {
        this.journey = journey;
        jira = journey.jira();
        api = journey.newOrganization("People Co");
        connection = journey.connectApiToken(api);
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anEmailIsResolvedAtOnceOrKeptWithWhatToDo() {
        jira.data().accounts().add(id("ada"), "ada." + run + "@acme.example", "Ada " + run);
        JsonNode ada = created(person("u-ada", "Ada", identity(null, "Ada." + run + "@acme.example")));
        JsonNode resolved = ada.path("identities").get(0);
        assertThat(resolved.path("state").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.path("accountId").asString()).isEqualTo(id("ada"));
        assertThat(resolved.path("connection").asString()).isEqualTo(connection);

        JsonNode unknown = created(person("u-nobody", "Nobody", identity(null, "nobody." + run + "@acme.example")))
                .path("identities").get(0);
        assertThat(unknown.path("state").asString()).isEqualTo("EMAIL_UNKNOWN");
        assertThat(unknown.path("accountId").asString("")).isEmpty();
        assertThat(unknown.path("note").asString()).contains("No Jira account on " + jira.baseUrl())
                .contains("nobody." + run + "@acme.example").contains("give the accountId");

        // One person keeps their email private: the search cannot find them by it.
        jira.data().accounts().add(id("grace"), "grace." + run + "@acme.example", "Grace " + run);
        jira.data().accounts().hideEmail(id("grace"), true);
        JsonNode grace = created(person("u-grace", "Grace", identity(null, "grace." + run + "@acme.example")));
        assertThat(grace.path("identities").get(0).path("state").asString()).isEqualTo("EMAIL_UNKNOWN");

        // The whole site hides emails: the note says only the accountId will do, and giving it resolves.
        jira.data().accounts().add(id("alan"), "alan." + run + "@acme.example", "Alan " + run);
        jira.data().accounts().hideAllEmails(true);
        JsonNode alan;
        try {
            alan = created(person("u-alan", "Alan", identity(null, "alan." + run + "@acme.example")));
        } finally {
            jira.data().accounts().hideAllEmails(false);
        }
        JsonNode hidden = alan.path("identities").get(0);
        assertThat(hidden.path("state").asString()).isEqualTo("EMAIL_HIDDEN");
        assertThat(hidden.path("note").asString()).contains("Jira hides").contains("give the person's accountId");
        ProductApi.Reply mapped = api.post("/api/v1/people/" + alan.path("id").asString() + "/identities",
                identity(id("alan"), null));
        assertThat(mapped.status()).as(mapped.body()).isEqualTo(201);
        assertThat(mapped.json().path("state").asString()).isEqualTo("RESOLVED");
        JsonNode stored = api.get("/api/v1/people/" + alan.path("id").asString()).json();
        assertThat(stored.path("identities")).hasSize(2);
        assertThat(audit("PERSON_IDENTITY_MAPPED")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(audit("PERSON_ADDED")).hasSize(4);
    }

    @Test
    void anEmailIsResolvedOverAnInstallToo() {
        ProductApi installed = journey.newOrganization("People Installed");
        String site = journey.linkSite(installed);
        jira.data().accounts().add(id("lin"), "lin." + run + "@acme.example", "Lin " + run);
        ProductApi.Reply added = installed.post("/api/v1/people",
                "{\"externalId\":\"u-lin\",\"name\":\"Lin\",\"identities\":[{\"connection\":\"" + site
                        + "\",\"email\":\"lin." + run + "@acme.example\"}]}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().path("identities").get(0).path("accountId").asString()).isEqualTo(id("lin"));
        assertThat(added.json().path("identities").get(0).path("state").asString()).isEqualTo("RESOLVED");
    }

    @Test
    void badRequestsAreRefusedAndChangeNothing() {
        JsonNode first = created(person("u-1", "First", identity(id("one"), null)));
        refused(api.post("/api/v1/people", person("u-2", "Second",
                "{\"connection\":\"c-nowhere\",\"accountId\":\"" + id("two") + "\"}")), 404, "no connection c-nowhere");
        refused(api.post("/api/v1/people", person("u-2", "Second", identity("not an id!", null))), 400,
                "is not an Atlassian accountId");
        refused(api.post("/api/v1/people", person("u-2", "Second", identity(null, "dana-at-acme"))), 400,
                "is not an email address");
        refused(api.post("/api/v1/people", person("u-1", "Again", identity(id("two"), null))), 409,
                "externalId u-1 is already the person \"First\"");
        refused(api.post("/api/v1/people", person("u-2", "Second", identity(id("one"), null))), 409,
                "is already the person \"First\"");
        refused(api.post("/api/v1/people", person("u-2", "  ", identity(id("two"), null))), 400, "name is required");
        refused(api.patch("/api/v1/people/" + first.path("id").asString(), "{\"name\":\"\"}"), 400, "name is required");
        refused(api.get("/api/v1/people/unmapped?connection=c-nowhere"), 404, "no connection");
        refused(api.get("/api/v1/people?limit=0"), 400, "limit must be between 1 and 200");

        ProductApi reader = journey.api(api.post("/api/v1/api-keys",
                "{\"name\":\"reader\",\"scopes\":[\"people:read\"]}").json().path("key").asString());
        refused(reader.post("/api/v1/people", person("u-3", "Third", identity(id("three"), null))), 403, "people:write");
        assertThat(reader.get("/api/v1/people").status()).isEqualTo(200);

        JsonNode people = api.get("/api/v1/people").json().path("people");
        assertThat(people).hasSize(1);
        assertThat(people.get(0).path("name").asString()).isEqualTo("First");
        assertThat(people.get(0).path("identities")).hasSize(1);
        assertThat(audit("PERSON_ADDED")).hasSize(1);
    }

    @Test
    void unmappedActorsAreListedMostActiveFirstAndMappingOneAttributesItsPast() {
        jira.data().accounts().add(id("busy"), "busy." + run + "@acme.example", "Busy " + run);
        jira.data().accounts().add(id("quiet"), "quiet." + run + "@acme.example", "Quiet " + run);
        jira.data().accounts().deactivate(id("quiet"));
        store(id("busy"), "Busy " + run, 3);
        store(id("quiet"), "Quiet " + run, 1);

        ProductApi.Reply refreshed = api.post("/api/v1/connections/" + connection + "/jira-users/refresh", "{}");
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        assertThat(refreshed.json().path("listed").asInt()).isGreaterThanOrEqualTo(4);
        JsonNode users = api.get("/api/v1/connections/" + connection + "/jira-users?limit=200").json().path("users");
        assertThat(user(users, id("quiet")).path("active").asBoolean()).isFalse();
        assertThat(user(users, id("busy")).path("active").asBoolean()).isTrue();
        assertThat(user(users, id("busy")).path("accountType").asString()).isEqualTo("atlassian");
        assertThat(user(users, id("busy")).path("refreshedAt").asString("")).isNotEmpty();

        JsonNode actors = api.get("/api/v1/people/unmapped?connection=" + connection).json().path("actors");
        assertThat(actors).hasSize(2);
        assertThat(actors.get(0).path("accountId").asString()).isEqualTo(id("busy"));
        assertThat(actors.get(0).path("activities").asLong()).isEqualTo(3);
        assertThat(actors.get(0).path("displayName").asString()).isEqualTo("Busy " + run);
        assertThat(actors.get(0).path("active").asBoolean()).isTrue();
        assertThat(actors.get(1).path("accountId").asString()).isEqualTo(id("quiet"));
        assertThat(actors.get(1).path("active").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/people/unmapped?connection=" + connection + "&limit=1&offset=1").json()
                .path("actors").get(0).path("accountId").asString()).isEqualTo(id("quiet"));

        Attribution attribution = context.getBean(Attribution.class);
        assertThat(attribution.byAccountId(api.organizationId(), connection)).isEmpty();
        JsonNode busy = created(person("u-busy", "Busy Person", identity(id("busy"), null)));
        JsonNode left = api.get("/api/v1/people/unmapped?connection=" + connection).json().path("actors");
        assertThat(left).hasSize(1);
        assertThat(left.get(0).path("accountId").asString()).isEqualTo(id("quiet"));
        Map<String, PersonRef> byAccount = attribution.byAccountId(api.organizationId(), connection);
        assertThat(byAccount).containsOnlyKeys(id("busy"));
        assertThat(byAccount.get(id("busy"))).isEqualTo(new PersonRef(busy.path("id").asString(), "u-busy", "Busy Person"));
        assertThat(attribution.accountIdsOf(api.organizationId(), busy.path("id").asString())).containsExactly(id("busy"));
        // Another organization sees nothing of this one's mapping.
        assertThat(attribution.byAccountId(journey.newOrganization("Other").organizationId(), connection)).isEmpty();

        // Removing the identity (not erasing) stops attributing and keeps the activities.
        String identityId = busy.path("identities").get(0).path("id").asString();
        assertThat(api.delete("/api/v1/people/" + busy.path("id").asString() + "/identities/" + identityId).status())
                .isEqualTo(204);
        assertThat(attribution.byAccountId(api.organizationId(), connection)).isEmpty();
        assertThat(activitiesOf(id("busy"))).isEqualTo(3);
    }

    @Test
    void theMappingGoesOutAndBackAsCsvAndABadFileChangesNothing() throws Exception {
        created(person("u-1", "Smith, \"Jo\"\nSecond line", identity(id("jo"), "jo." + run + "@acme.example")));
        created(person("=cmd|' /C calc'!A0", "@SUM(1+1)", identity(id("calc"), null)));
        created("{\"externalId\":\"u-3\",\"name\":\"No identity\"}");
        String exported = text("GET", "/api/v1/people/export.csv", null, 200);
        assertThat(exported).startsWith("externalId,name,connection,accountId,email\r\n")
                .contains("\"Smith, \"\"Jo\"\"\nSecond line\"").contains("'=cmd|' /C calc'!A0,'@SUM(1+1)")
                .contains("u-3,No identity,,,").doesNotContain("\n=").doesNotContain(",@");

        JsonNode people = api.get("/api/v1/people").json().path("people");
        for (JsonNode person : people) {
            assertThat(api.delete("/api/v1/people/" + person.path("id").asString()).status()).isEqualTo(204);
        }
        String imported = text("POST", "/api/v1/people/import", exported, 200);
        assertThat(imported).contains("\"added\":3").contains("\"identitiesMapped\":2");
        assertThat(text("GET", "/api/v1/people/export.csv", null, 200)).isEqualTo(exported);
        assertThat(text("POST", "/api/v1/people/import", exported, 200)).contains("\"added\":0")
                .contains("\"identitiesMapped\":0");

        String bad = "externalId,name,connection,accountId,email\r\n"
                + "u-9,Nine," + connection + "," + id("nine") + ",\r\n"
                + "u-10,Ten," + connection + ",not an id!,\r\n"
                + "u-11,Eleven,c-nowhere," + id("eleven") + ",\r\n"
                + "u-12,,,,\r\n"
                + "u-13,Thirteen," + connection + "," + id("jo") + ",\r\n";
        String refusal = text("POST", "/api/v1/people/import", bad, 400);
        assertThat(refusal).contains("line 3: accountId").contains("line 4: no connection c-nowhere")
                .contains("line 5: name is required").contains("line 6: accountId " + id("jo"))
                .doesNotContain("line 2");
        text("POST", "/api/v1/people/import", "name,externalId\r\nx,y\r\n", 400);
        refused(api.post("/api/v1/people/import", "{}"), 400, "send the file as text/csv");
        text("POST", "/api/v1/people/import", "externalId,name,connection,accountId,email\r\n\"u-1,open", 400);
        assertThat(api.get("/api/v1/people").json().path("people")).hasSize(3);
        assertThat(text("GET", "/api/v1/people/export.csv", null, 200)).isEqualTo(exported);
        assertThat(audit("PEOPLE_IMPORTED")).hasSize(2);
    }

    @Test
    void anErasedPersonsActivitiesAndNamesGoWhileAPlainRemovalKeepsThem() {
        store(id("erase"), "Erased " + run, 2);
        store(id("keep"), "Kept " + run, 1);
        JsonNode erased = created(person("u-erase", "Erin Erased", identity(id("erase"), null)));
        JsonNode kept = created(person("u-keep", "Kim Kept", identity(id("keep"), null)));

        assertThat(api.delete("/api/v1/people/" + kept.path("id").asString()).status()).isEqualTo(204);
        assertThat(activitiesOf(id("keep"))).isEqualTo(1);

        ProductApi.Reply answer = api.delete("/api/v1/people/" + erased.path("id").asString() + "?erase=true");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("activities").asLong()).isEqualTo(2);
        assertThat(answer.json().path("identities").asInt()).isEqualTo(1);
        assertThat(answer.json().path("jiraUsers").asInt()).isEqualTo(1);
        assertThat(activitiesOf(id("erase"))).isZero();
        assertThat(activitiesOf(id("keep"))).isEqualTo(1);
        assertThat(jdbc().queryForObject("select count(*) from jira_user where account_id = ?", Integer.class,
                id("erase"))).isZero();
        refused(api.get("/api/v1/people/" + erased.path("id").asString()), 404, "no person");
        List<JsonNode> records = audit("PERSON_ERASED");
        assertThat(records).hasSize(1);
        assertThat(records.get(0).toString()).contains("2 activities").doesNotContain("Erin").doesNotContain("u-erase");
        refused(api.delete("/api/v1/people/" + erased.path("id").asString() + "?erase=true"), 404, "no person");
    }

    @Test
    void usersAreReadInBulkByAccountIdInChunksJiraAccepts() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 95; i++) {
            ids.add(id("bulk" + i));
            jira.data().accounts().add(ids.get(i), null, "Bulk " + i);
        }
        ids.add(id("nobody"));
        JiraSite site = context.getBean(SiteDirectory.class).callable(connection).orElseThrow();

        List<dev.ferry.jira.JiraUser> found = context.getBean(dev.ferry.jira.JiraUsers.class).byAccountIds(site, ids);

        assertThat(found).hasSize(95);
        assertThat(found.get(94).displayName()).isEqualTo("Bulk 94");
        assertThat(journey.answered("GET", "/rest/api/3/user/bulk")).isEqualTo(2);
    }

    private String id(String name) {
        return "557058:" + name + "-" + run;
    }

    private String identity(String accountId, String email) {
        return "{\"connection\":\"" + connection + "\"" + (accountId == null ? "" : ",\"accountId\":\"" + accountId + "\"")
                + (email == null ? "" : ",\"email\":\"" + email + "\"") + "}";
    }

    private static String person(String externalId, String name, String identity) {
        return "{\"externalId\":\"" + externalId.replace("\"", "\\\"") + "\",\"name\":\""
                + name.replace("\"", "\\\"").replace("\n", "\\n") + "\",\"identities\":[" + identity + "]}";
    }

    private JsonNode created(String body) {
        ProductApi.Reply added = api.post("/api/v1/people", body);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return added.json();
    }

    private static JsonNode user(JsonNode users, String accountId) {
        for (JsonNode user : users) {
            if (accountId.equals(user.path("accountId").asString())) {
                return user;
            }
        }
        throw new AssertionError(accountId + " not in " + users);
    }

    private List<JsonNode> audit(String action) {
        List<JsonNode> records = new ArrayList<>();
        api.get("/api/v1/audit?action=" + action).json().path("records").forEach(records::add);
        return records;
    }

    /** Stores activities by the actor as the ingest would, through the store. */
    private void store(String accountId, String name, int count) {
        JiraSite site = context.getBean(SiteDirectory.class).callable(connection).orElseThrow();
        IngestTarget target = new IngestTarget(api.organizationId(), connection, site, Optional.empty());
        List<Activity> activities = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            activities.add(new Activity("test:" + accountId + ":" + i, ActivityKind.COMMENT_ADDED, accountId, name,
                    Instant.parse("2026-03-01T10:00:00Z").plusSeconds(i), "comment", accountId + i, "FERRY-1", "FERRY",
                    "A ticket", "{}", jira.baseUrl() + "/browse/FERRY-1"));
        }
        context.getBean(ActivityStore.class).store(target, activities);
    }

    private int activitiesOf(String accountId) {
        return jdbc().queryForObject("select count(*) from activity where actor_account_id = ?", Integer.class, accountId);
    }

    private JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    /** A CSV call: the product API client speaks JSON only. */
    private String text(String method, String path, String body, int status) throws Exception {
        String key = key();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(journey.url() + path))
                .header("Authorization", "Bearer " + key);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "text/csv").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        if (status >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        } else if ("GET".equals(method)) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        }
        return response.body();
    }

    private String peopleKey;

    private String key() {
        if (peopleKey == null) {
            ProductApi.Reply issued = api.post("/api/v1/api-keys",
                    "{\"name\":\"people csv\",\"scopes\":[\"people:read\",\"people:write\"]}");
            assertThat(issued.status()).as(issued.body()).isEqualTo(201);
            peopleKey = issued.json().path("key").asString();
        }
        return peopleKey;
    }
}
