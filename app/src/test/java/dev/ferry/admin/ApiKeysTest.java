package dev.ferry.admin;

import static dev.ferry.admin.OrganizationBootstrapTest.JSON;
import static dev.ferry.admin.OrganizationBootstrapTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.principal.ApiScope;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.Organizations;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** An organization manages its own API keys, and only its own. */
@FerryIntegrationTest
class ApiKeysTest {

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    @Autowired
    JdbcTemplate jdbc;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void aNewKeyIsShownOnceAndCanDoOnlyWhatItsScopesSay() {
        var acme = organizations.create("Acme");

        var response = http.post("/api/v1/api-keys", "{\"name\":\"events pusher\",\"scopes\":[\"events:write\",\"config:read\"]}",
                acme.auth());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode created = JSON.readTree(response.body());
        String key = created.path("key").asString();
        assertThat(created.path("name").asString()).isEqualTo("events pusher");
        assertThat(created.path("scopes").valueStream().map(JsonNode::asString).toList())
                .containsExactly("events:write", "config:read");
        assertThat(http.get("/api/v1/sites", "Authorization", "Bearer " + key).statusCode()).isEqualTo(200);
        assertProblem(http.get("/api/v1/api-keys", "Authorization", "Bearer " + key), 403);
        var list = http.get("/api/v1/api-keys", acme.auth());
        assertThat(list.body()).contains(created.path("id").asString(), created.path("prefix").asString())
                .doesNotContain(key).doesNotContain(KeyMaterial.hash(key)).doesNotContain("\"key\"");
    }

    @Test
    void theListShowsOnlyTheCallersKeysNewestFirstWithRevocations() {
        var acme = organizations.create("Acme");
        var second = organizations.key(acme.id(), ApiScope.LINKS_READ);
        var beta = organizations.create("Beta");
        http.delete("/api/v1/api-keys/" + second.keyId(), acme.auth());

        JsonNode keys = JSON.readTree(http.get("/api/v1/api-keys", acme.auth()).body()).path("apiKeys");

        assertThat(keys.valueStream().map(k -> k.path("id").asString()).toList())
                .containsExactlyInAnyOrder(acme.keyId(), second.keyId()).doesNotContain(beta.keyId());
        JsonNode revoked = keys.valueStream().filter(k -> k.path("id").asString().equals(second.keyId())).findFirst().orElseThrow();
        assertThat(revoked.path("revokedAt").asString()).isNotBlank();
        assertThat(revoked.path("scopes").valueStream().map(JsonNode::asString).toList()).containsExactly("links:read");
    }

    @Test
    void creatingAndRevokingAreAudited() {
        var acme = organizations.create("Acme");
        String id = JSON.readTree(http.post("/api/v1/api-keys", "{\"name\":\"ci\",\"scopes\":[\"events:write\"]}",
                acme.auth()).body()).path("id").asString();

        http.delete("/api/v1/api-keys/" + id, acme.auth());
        http.delete("/api/v1/api-keys/" + id, acme.auth());

        assertThat(jdbc.queryForList("select action from audit_record where target = ? and actor = ? order by id",
                String.class, id, "api-key:" + acme.keyId())).containsExactly("API_KEY_CREATED", "API_KEY_REVOKED");
    }

    @Test
    void anotherOrganizationsKeyIsNotFoundAndStaysUsable() {
        var acme = organizations.create("Acme");
        var beta = organizations.create("Beta");

        assertProblem(http.delete("/api/v1/api-keys/" + beta.keyId(), acme.auth()), 404);
        assertProblem(http.delete("/api/v1/api-keys/no-such-key", acme.auth()), 404);

        assertThat(http.get("/api/v1/api-keys", beta.auth()).statusCode()).isEqualTo(200);
    }

    @Test
    void badKeyRequestsAreRefusedWith400AndCreateNothing() {
        var acme = organizations.create("Acme");
        int before = keys();

        for (String body : List.of("{\"name\":\"ci\",\"scopes\":[\"events:write\",\"everything\"]}",
                "{\"scopes\":[\"events:write\"]}", "{\"name\":\"ci\",\"scopes\":[]}", "{\"name\":\"ci\"}",
                "{\"name\":\"ci\",\"scopes\":", "[]")) {
            assertProblem(http.post("/api/v1/api-keys", body, acme.auth()), 400);
        }

        assertThat(keys()).isEqualTo(before);
    }

    @Test
    void aBlankNameAndAnUnknownScopeAreBothNamedInOneAnswer() {
        var acme = organizations.create("Acme");
        int before = keys();

        var response = http.post("/api/v1/api-keys", "{\"name\":\" \",\"scopes\":[\"everything\"]}", acme.auth());

        assertProblem(response, 400);
        var problem = JSON.readTree(response.body());
        assertThat(problem.path("title").asString()).isEqualTo("Invalid request body");
        assertThat(problem.path("errors").findValuesAsString("pointer")).containsExactlyInAnyOrder("/name", "/scopes");
        assertThat(keys()).isEqualTo(before);
    }

    @Test
    void aKeyWithoutKeysManageCannotIssueOrRevoke() {
        var acme = organizations.create("Acme");
        var writer = organizations.key(acme.id(), ApiScope.CONFIG_WRITE, ApiScope.AUDIT_READ);

        assertProblem(http.post("/api/v1/api-keys", "{\"name\":\"x\",\"scopes\":[\"keys:manage\"]}", writer.auth()), 403);
        assertProblem(http.delete("/api/v1/api-keys/" + acme.keyId(), writer.auth()), 403);
        assertThat(jdbc.queryForObject("select count(*) from api_key where revoked_at is not null", Integer.class)).isZero();
    }

    @Test
    void aKeyHoldingOnlyKeysManageCannotCreateAKeyWithScopesItLacks() {
        var acme = organizations.create("Acme");
        var manager = organizations.key(acme.id(), ApiScope.KEYS_MANAGE);
        int before = keys();

        var response = http.post("/api/v1/api-keys", "{\"name\":\"everything\",\"scopes\":[\"events:write\","
                + "\"events:read\",\"links:read\",\"links:write\",\"config:read\",\"config:write\",\"keys:manage\","
                + "\"audit:read\"]}", manager.auth());

        assertProblem(response, 403);
        assertThat(JSON.readTree(response.body()).path("detail").asString()).contains(
                "events:write", "events:read", "links:read", "links:write", "config:read", "config:write", "audit:read")
                .doesNotContain("keys:manage");
        assertThat(keys()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from audit_record where action = 'API_KEY_CREATED' and actor = ?",
                Integer.class, "api-key:" + manager.keyId())).isZero();
    }

    @Test
    void aKeyCanGrantScopesItHoldsButNotOneMore() {
        var acme = organizations.create("Acme");
        var manager = organizations.key(acme.id(), ApiScope.KEYS_MANAGE, ApiScope.EVENTS_WRITE);

        assertThat(http.post("/api/v1/api-keys", "{\"name\":\"pusher\",\"scopes\":[\"events:write\"]}",
                manager.auth()).statusCode()).isEqualTo(201);
        var wider = http.post("/api/v1/api-keys", "{\"name\":\"reader\",\"scopes\":[\"events:write\",\"audit:read\"]}",
                manager.auth());

        assertProblem(wider, 403);
        assertThat(JSON.readTree(wider.body()).path("detail").asString()).contains("audit:read")
                .doesNotContain("events:write");
        assertThat(jdbc.queryForList("select name from api_key where organization_id = ?", String.class, acme.id()))
                .containsExactlyInAnyOrder("first key", "test key", "pusher");
    }

    int keys() {
        return jdbc.queryForObject("select count(*) from api_key", Integer.class);
    }
}
