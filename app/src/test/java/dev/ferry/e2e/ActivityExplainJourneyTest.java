package dev.ferry.e2e;

import static dev.ferry.ingest.ActivityKind.ISSUE_CREATED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.ingest.ActivityStore;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.simulator.fault.Fault;
import dev.ferry.simulator.rest.Project;
import dev.ferry.site.SiteDirectory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * "No data after fetch", explained: which of nobody mapped, nothing stored in the range, or an account that sees
 * no project holds, each with what to do; and nothing when the data is there.
 */
@FerryJourney
class ActivityExplainJourneyTest {

    static final String RANGE = "from=2026-03-01&to=2026-03-07";
    static final String READER = "557058:explained-reader";

    @Autowired
    ActivityStore activityStore;
    @Autowired
    SiteDirectory sites;
    @Autowired
    JdbcTemplate jdbc;

    ActivityFixtures fixtures;
    ProductApi api;
    JiraSimulator jira;
    String org;
    String connection;

    @BeforeEach
    void acmeConnectsASite(Journey journey) {
        fixtures = new ActivityFixtures(activityStore, sites, jdbc);
        jira = journey.jira();
        api = journey.newOrganization("Acme Explained");
        org = api.organizationId();
        connection = ActivityFixtures.connect(api, jira, READER, "Rita Reader");
    }

    @Test
    void aNewConnectionHasNobodyMappedAndNothingStoredYet() {
        JsonNode explained = explain("connection=" + connection + "&" + RANGE);

        assertThat(explained.path("explained").asBoolean()).isTrue();
        assertThat(causes(explained)).containsExactly("no_people_mapped", "no_activity_in_range");
        assertThat(message(explained, "no_people_mapped")).contains("Nobody of the organization is mapped");
        assertThat(message(explained, "no_activity_in_range")).contains("Ferry holds no activity of " + jira.baseUrl())
                .contains("from 2026-03-01T00:00:00Z until 2026-03-08T00:00:00Z").contains("has not read it yet")
                .contains("/api/v1/connections/" + connection + "/fetch");
        JsonNode facts = explained.path("connections").get(0);
        assertThat(facts.path("projects").asInt()).isEqualTo(2);
        assertThat(facts.path("spaces").asInt()).isEqualTo(1);
        assertThat(facts.path("account").asString()).isEqualTo("Rita Reader");
        assertThat(jira.calls()).anyMatch(call -> call.path().endsWith("/rest/api/3/project/search"));
    }

    @Test
    void aConnectionReadBeforeSaysWhenAndPeopleMappedElsewhereAreNamed(Journey journey) {
        String elsewhere = ActivityFixtures.connect(api, journey.otherJira(), "557058:elsewhere", "Elsa Where");
        String dana = fixtures.person(org, "user-dana", "Dana Scully");
        fixtures.map(org, dana, elsewhere, "557058:dana");
        Timestamp read = Timestamp.from(Instant.parse("2026-03-08T06:00:00Z"));
        jdbc.update("insert into ingest_checkpoint (connection_id, stream, organization_id, watermark, records, last_run_at)"
                + " values (?, 'jira-issues', ?, ?, 0, ?)", connection, org, read, read);

        JsonNode explained = explain("connection=" + connection + "&person=user-dana&" + RANGE);

        assertThat(causes(explained)).containsExactly("no_people_mapped", "person_not_mapped", "no_activity_in_range");
        assertThat(message(explained, "no_people_mapped")).contains("Nobody is mapped to an account on " + jira.baseUrl());
        assertThat(message(explained, "person_not_mapped")).contains("Dana Scully has no account mapped on");
        assertThat(message(explained, "no_activity_in_range")).contains("The schedule last read it at 2026-03-08T06:00:00Z");
        assertThat(explained.path("connections").get(0).path("lastReadAt").asString()).isEqualTo("2026-03-08T06:00:00Z");
    }

    @Test
    void anAccountThatSeesNoProjectIsNamedWithWhatToDo() {
        List<Project> projects = List.of(
                new Project("10000", "FERRY", "Ferry demo", List.of(new Project.IssueType("10001", "Task", false),
                        new Project.IssueType("10002", "Bug", false), new Project.IssueType("10003", "Story", false))),
                new Project("10001", "OPS", "Operations", List.of(new Project.IssueType("10001", "Task", false),
                        new Project.IssueType("10002", "Bug", false))));
        // The simulator's project search lists every project, so the site is emptied: the account then browses none.
        projects.forEach(project -> jira.data().removeProject(project.key()));
        try {
            JsonNode explained = explain("connection=" + connection + "&" + RANGE);

            assertThat(causes(explained)).contains("no_projects_visible");
            assertThat(message(explained, "no_projects_visible")).contains("The account Rita Reader can browse no Jira "
                    + "project on " + jira.baseUrl()).contains("Browse projects");
            assertThat(explained.path("connections").get(0).path("projects").asInt()).isZero();
        } finally {
            projects.forEach(p -> jira.data().addProject(p.id(), p.key(), p.name(), p.issueTypes()));
        }
    }

    @Test
    void aJiraThatCannotBeAskedIsSaidSoInsteadOfGuessed() {
        jira.faults().add("GET", "/rest/api/3/project/search", Fault.forbidden(), 1);

        JsonNode explained = explain("connection=" + connection + "&" + RANGE);

        assertThat(causes(explained)).contains("visibility_unknown").doesNotContain("no_projects_visible");
        assertThat(message(explained, "visibility_unknown")).contains("Ferry could not ask Jira what the account of "
                + jira.baseUrl() + " can see");
        assertThat(explained.path("connections").get(0).has("projects")).isFalse();
    }

    @Test
    void nothingIsExplainedWhenPeopleAreMappedAndActivityIsStored() {
        String rita = fixtures.person(org, "user-rita", "Rita");
        fixtures.map(org, rita, connection, READER);
        fixtures.store(org, connection, List.of(fixtures.activity(ISSUE_CREATED, READER, "Rita Reader",
                Instant.parse("2026-03-03T10:00:00Z"), "Found")));

        JsonNode explained = explain(RANGE);

        assertThat(explained.path("explained").asBoolean()).isFalse();
        assertThat(explained.path("causes").size()).isZero();
        assertThat(explained.path("connections").get(0).path("activityInRange").asBoolean()).isTrue();
        assertThat(explained.path("connections").get(0).path("peopleMapped").asInt()).isEqualTo(1);
    }

    private JsonNode explain(String query) {
        ProductApi.Reply reply = api.get("/api/v1/activities/explain?" + query);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static List<String> causes(JsonNode explained) {
        return explained.path("causes").valueStream().map(c -> c.path("cause").asString()).toList();
    }

    private static String message(JsonNode explained, String cause) {
        return explained.path("causes").valueStream().filter(c -> c.path("cause").asString().equals(cause))
                .findFirst().orElseThrow().path("message").asString();
    }
}
