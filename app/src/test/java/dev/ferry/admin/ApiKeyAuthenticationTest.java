package dev.ferry.admin;

import static dev.ferry.admin.OrganizationBootstrapTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.principal.ApiScope;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.Organizations;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every product API call is authenticated by its API key before anything else happens. */
@FerryIntegrationTest
class ApiKeyAuthenticationTest {

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
    void aCallWithoutAKeyIsRefusedWith401AndABearerChallenge() {
        var response = http.get("/api/v1/api-keys");

        assertUnauthorized(response);
        assertThat(response.body()).contains("Authorization: Bearer");
    }

    @Test
    void garbageAndUnknownKeysAreRefusedWith401() {
        var acme = organizations.create("Acme");
        String unknown = acme.key().substring(0, acme.key().length() - 1) + (acme.key().endsWith("A") ? "B" : "A");

        assertUnauthorized(http.get("/api/v1/api-keys", "Authorization", "Bearer garbage"));
        assertUnauthorized(http.get("/api/v1/api-keys", "Authorization", "Bearer " + unknown));
        assertUnauthorized(http.get("/api/v1/api-keys", "Authorization", "Basic " + acme.key()));
        assertUnauthorized(http.get("/api/v1/api-keys", "Authorization", acme.key()));
        assertThat(http.get("/api/v1/api-keys", "Authorization", "bearer " + acme.key()).statusCode()).isEqualTo(200);
    }

    @Test
    void aRevokedKeyIsRefusedWith401() {
        var acme = organizations.create("Acme");
        var other = organizations.key(acme.id());

        assertThat(http.delete("/api/v1/api-keys/" + other.keyId(), acme.auth()).statusCode()).isEqualTo(204);

        var response = http.get("/api/v1/api-keys", other.auth());
        assertUnauthorized(response);
        assertThat(response.body()).contains("revoked");
    }

    @Test
    void aKeyWithoutTheScopeIsRefusedWith403() {
        var reader = organizations.create("Acme", ApiScope.EVENTS_READ);

        var response = http.get("/api/v1/api-keys", reader.auth());

        assertProblem(response, 403);
        assertThat(response.body()).contains("keys:manage");
    }

    @Test
    void refusedBodiesAreNotReadBeforeTheKeyIsChecked() {
        assertUnauthorized(http.post("/api/v1/api-keys", "not json"));
    }

    @Test
    void theOpenApiDocumentNeedsNoKey() {
        assertThat(http.get("/api/v1/openapi.json").statusCode()).isNotEqualTo(401);
    }

    @Test
    void useIsRecordedAtMostOnceAMinute() {
        var acme = organizations.create("Acme");
        http.get("/api/v1/api-keys", acme.auth());
        Timestamp first = lastUsed(acme.keyId());

        http.get("/api/v1/api-keys", acme.auth());

        assertThat(first).isNotNull();
        assertThat(lastUsed(acme.keyId())).isEqualTo(first);
    }

    @Test
    void aStaleLastUseIsWrittenAgain() {
        var acme = organizations.create("Acme");
        jdbc.update("update api_key set last_used_at = ? where id = ?", Timestamp.valueOf("2020-01-01 00:00:00"),
                acme.keyId());

        http.get("/api/v1/api-keys", acme.auth());

        assertThat(lastUsed(acme.keyId()).toInstant()).isAfter(Timestamp.valueOf("2021-01-01 00:00:00").toInstant());
    }

    Timestamp lastUsed(String keyId) {
        return jdbc.queryForObject("select last_used_at from api_key where id = ?", Timestamp.class, keyId);
    }

    static void assertUnauthorized(HttpResponse<String> response) {
        assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
    }
}
