package dev.ferry.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The operator's endpoint that creates an organization and its first API key. */
@FerryIntegrationTest
@RecordApplicationEvents
class OrganizationBootstrapTest {

    static final String OPERATOR = "Bearer test-operator-token";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEvents events;
    @Autowired
    Onboarding onboarding;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void operatorCreatesAnOrganizationWhoseFirstKeyHoldsEveryScope() {
        var response = create("{\"name\":\"  Acme Experiments \"}", OPERATOR);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(response.body());
        String id = body.path("organization").path("id").asString();
        assertThat(body.path("organization").path("name").asString()).isEqualTo("Acme Experiments");
        assertThat(body.path("organization").path("createdAt").asString()).isNotBlank();
        JsonNode key = body.path("apiKey");
        assertThat(key.path("key").asString()).matches("fy_[a-z0-9]{8}_[A-Za-z0-9_-]{43}")
                .startsWith("fy_" + key.path("prefix").asString() + "_");
        assertThat(key.path("scopes").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder("events:write", "events:read", "links:read", "links:write", "config:read",
                        "config:write", "keys:manage", "audit:read", "activity:read", "ingest:manage", "people:read",
                        "people:write", "audit-records:read", "audit-collectors:manage");
        assertThat(jdbc.queryForObject("select name from organization where id = ?", String.class, id))
                .isEqualTo("Acme Experiments");
        var keys = http.get("/api/v1/api-keys", "Authorization", "Bearer " + key.path("key").asString());
        assertThat(keys.statusCode()).isEqualTo(200);
        assertThat(keys.body()).contains(key.path("id").asString()).doesNotContain(key.path("key").asString());
    }

    @Test
    void theAnswerCarryingTheFirstKeyIsNeverStored() {
        var response = create("{\"name\":\"Acme\"}", OPERATOR);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void onlyTheHashOfTheKeyIsStored() {
        JsonNode key = JSON.readTree(create("{\"name\":\"Acme\"}", OPERATOR).body()).path("apiKey");

        String stored = jdbc.queryForObject("select secret_hash from api_key where id = ?", String.class,
                key.path("id").asString());
        assertThat(stored).isEqualTo(KeyMaterial.hash(key.path("key").asString())).hasSize(64);
        String row = jdbc.queryForList("select * from api_key").toString();
        assertThat(row).doesNotContain(key.path("key").asString().substring(12));
    }

    // Application events are recorded on the test's thread, so this one calls the service the endpoint calls.
    @Test
    void creatingAnOrganizationAnnouncesItsPresetExperimentationByDefault() {
        String first = onboarding.create("Acme", null).organizationId();
        String second = onboarding.create("Beta", "none").organizationId();

        assertThat(events.stream(OrganizationCreated.class).toList()).containsExactly(
                new OrganizationCreated(first, "experimentation"), new OrganizationCreated(second, "none"));
    }

    @Test
    void thePresetNoneIsAccepted() {
        assertThat(create("{\"name\":\"Beta\",\"preset\":\"none\"}", OPERATOR).statusCode()).isEqualTo(201);
    }

    @Test
    void creatingAnOrganizationAuditsItsFirstKey() {
        String id = JSON.readTree(create("{\"name\":\"Acme\"}", OPERATOR).body()).path("organization").path("id").asString();

        assertThat(jdbc.queryForList("select action from audit_record where organization_id = ? and actor = 'operator'",
                String.class, id)).containsExactly("API_KEY_CREATED");
    }

    @Test
    void aWrongMissingOrApiKeyTokenIsRefusedWith401AndCreatesNothing() {
        String apiKey = JSON.readTree(create("{\"name\":\"Acme\"}", OPERATOR).body()).path("apiKey").path("key").asString();

        for (var response : List.of(create("{\"name\":\"Evil\"}", "Bearer test-operator-tokeN"),
                create("{\"name\":\"Evil\"}", "Bearer " + apiKey), create("{\"name\":\"Evil\"}", null),
                create("{\"name\":\"Evil\"}", "Basic dGVzdC1vcGVyYXRvci10b2tlbg=="))) {
            assertProblem(response, 401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Bearer"));
        }
        assertThat(organizations()).isEqualTo(1);
    }

    @Test
    void badBodiesAreRefusedWith400AndCreateNothing() {
        for (String body : List.of("{\"name\":", "not json", "", "{}", "{\"name\":\"   \"}",
                "{\"name\":\"" + "x".repeat(201) + "\"}", "{\"name\":\"Acme\",\"preset\":\"marketing\"}")) {
            assertProblem(create(body, OPERATOR), 400);
        }
        assertThat(organizations()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from api_key", Integer.class)).isZero();
    }

    @Test
    void aBlankNameAndAnUnknownPresetAreBothNamedInOneAnswer() {
        var response = create("{\"name\":\"  \",\"preset\":\"marketing\"}", OPERATOR);

        assertProblem(response, 400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("title").asString()).isEqualTo("Invalid request body");
        assertThat(problem.path("errors").findValuesAsString("pointer")).containsExactlyInAnyOrder("/name", "/preset");
        assertThat(organizations()).isZero();
    }

    @Test
    void aNameOfTwoHundredCharactersIsAccepted() {
        assertThat(create("{\"name\":\"" + "x".repeat(200) + "\"}", OPERATOR).statusCode()).isEqualTo(201);
    }

    HttpResponse<String> create(String body, String authorization) {
        return authorization == null ? http.post("/api/v1/organizations", body)
                : http.post("/api/v1/organizations", body, "Authorization", authorization);
    }

    int organizations() {
        return jdbc.queryForObject("select count(*) from organization", Integer.class);
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).path("status").asInt()).isEqualTo(status);
    }
}
