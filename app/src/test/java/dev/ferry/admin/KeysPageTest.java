package dev.ferry.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.account.People;
import dev.ferry.principal.Role;
import dev.ferry.support.ConsoleClient;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.Organizations;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An Admin lists, creates and revokes the organization's API keys in the console; a key's text is shown once. */
@FerryIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class KeysPageTest {

    static final Pattern SHOWN_KEY = Pattern.compile("<code class=\"secret\"[^>]*>([^<]+)</code>");
    static final String[] ALL_SCOPES = {"scopes", "events:write", "scopes", "events:read", "scopes", "links:read",
            "scopes", "links:write", "scopes", "config:read", "scopes", "config:write", "scopes", "keys:manage",
            "scopes", "audit:read"};

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    @Autowired
    People people;
    @Autowired
    JdbcClient jdbc;

    Organizations.Org acme;
    People.Login admin;
    ConsoleClient console;

    @BeforeEach
    void signedInAdmin() {
        acme = organizations.create("Acme");
        admin = people.create(acme.id(), Role.ADMIN);
        console = ConsoleClient.signIn(port, admin);
    }

    @Test
    void theFirstKeyIsListedByItsPrefixOnly() {
        var page = console.get("/admin/api-keys");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        assertThat(page.body()).contains("first key").contains(prefixShown(acme.key())).doesNotContain(acme.key())
                .contains("events:write, events:read").contains("never");
        assertThat(page.body()).doesNotContain(secretPart(acme.key()));
    }

    @Test
    void aCreatedKeyIsShownOnceWorksOnTheApiAndIsNeverLoggedOrListed(CapturedOutput output) {
        var created = console.post("/admin/api-keys", concat(new String[] {"name", " CI pipeline "}, ALL_SCOPES));

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        String key = shownKey(created.body());
        assertThat(created.body()).contains("never again");
        var api = new Http(port).get("/api/v1/event-types", "Authorization", "Bearer " + key);
        assertThat(api.statusCode()).isEqualTo(200);

        var listing = console.get("/admin/api-keys");
        assertThat(listing.body()).contains("CI pipeline").contains(prefixShown(key)).doesNotContain(key)
                .doesNotContain(secretPart(key)).doesNotContain("class=\"secret\"");
        assertThat(output.getAll()).as("the key never reaches the log").doesNotContain(secretPart(key));
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'API_KEY_CREATED' and actor = :actor "
                + "and organization_id = :org").param("actor", "user:" + admin.email()).param("org", acme.id())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from spring_session_attributes").query(Long.class).single())
                .isPositive();
        assertThat(jdbc.sql("select attribute_bytes from spring_session_attributes").query(byte[].class).list())
                .as("the key is not parked in the session").noneMatch(bytes -> new String(bytes,
                        java.nio.charset.StandardCharsets.ISO_8859_1).contains(secretPart(key)));
    }

    @Test
    void aKeyWithFewerScopesGetsOnlyThose() {
        var created = console.post("/admin/api-keys", "name", "reader", "scopes", "links:read");
        String key = shownKey(created.body());

        assertThat(new Http(port).get("/api/v1/event-types", "Authorization", "Bearer " + key).statusCode())
                .isEqualTo(403);
        assertThat(jdbc.sql("select scopes from api_key where name = 'reader'").query(String.class).single())
                .isEqualTo("links:read");
    }

    @Test
    void aRevokedKeyIsRefusedAfterTheConfirmStep() {
        String key = shownKey(console.post("/admin/api-keys", concat(new String[] {"name", "temp"}, ALL_SCOPES)).body());
        String id = jdbc.sql("select id from api_key where name = 'temp'").query(String.class).single();

        var confirm = console.get("/admin/api-keys/" + id + "/revoke");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Revoke <strong>temp</strong>").contains(prefixShown(key))
                .contains("action=\"/admin/api-keys/" + id + "/revoke\"");
        assertThat(revoked(id)).as("looking at the confirm step changes nothing").isFalse();

        var revoked = console.post("/admin/api-keys/" + id + "/revoke");
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(revoked.headers().firstValue("Location")).hasValue("/admin/api-keys");
        assertThat(revoked(id)).isTrue();
        assertThat(console.get("/admin/api-keys").body()).contains("API key revoked");
        assertThat(new Http(port).get("/api/v1/event-types", "Authorization", "Bearer " + key).statusCode())
                .isEqualTo(401);
        assertThat(new Http(port).get("/api/v1/event-types", acme.auth()).statusCode()).as("other keys still work")
                .isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_record where action = 'API_KEY_REVOKED' and target = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void blankNameNoScopeAndAnUnknownScopeAreRefusedOnThePageAndNothingIsCreated() {
        long before = keyCount();

        assertRefused(console.post("/admin/api-keys", "name", "   ", "scopes", "events:write"), 400,
                "Name must be 1 to 200 characters");
        assertRefused(console.post("/admin/api-keys", "name", "no scopes"), 400, KeysPage.NO_SCOPE);
        var unknown = console.post("/admin/api-keys", "name", "odd", "scopes", "events:write", "scopes", "root:all");
        assertRefused(unknown, 400, "Unknown scope root:all");
        assertThat(unknown.body()).as("the form keeps what was sent").contains("value=\"odd\"")
                .contains("value=\"events:write\" checked").contains("value=\"events:read\" >");
        assertRefused(console.post("/admin/api-keys", "name", "x".repeat(201), "scopes", "events:write"), 400,
                "Name must be 1 to 200 characters");

        assertThat(keyCount()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from audit_record where actor = :actor and action like 'API_KEY%'")
                .param("actor", "user:" + admin.email()).query(Long.class).single()).isZero();
    }

    @Test
    void aNewKeyStartsWithNoScopeTicked() {
        String form = console.get("/admin/api-keys").body();

        assertThat(form).contains("value=\"events:write\" >").contains("value=\"keys:manage\" >")
                .doesNotContain("checked");
    }

    @Test
    void anotherOrganizationsKeyIsOutOfReach() {
        var other = organizations.create("Other");

        assertThat(console.get("/admin/api-keys").body()).doesNotContain(prefixShown(other.key()));
        assertRefused(console.get("/admin/api-keys/" + other.keyId() + "/revoke"), 404,
                "No API key " + other.keyId() + " in this organization");
        assertRefused(console.post("/admin/api-keys/" + other.keyId() + "/revoke"), 404,
                "No API key " + other.keyId() + " in this organization");
        assertRefused(console.post("/admin/api-keys/no-such-id/revoke"), 404, "No API key no-such-id");

        assertThat(revoked(other.keyId())).isFalse();
        assertThat(new Http(port).get("/api/v1/event-types", other.auth()).statusCode()).isEqualTo(200);
    }

    @Test
    void managersAndMembersAreRefusedAndDoNotSeeTheEntry() {
        for (Role role : new Role[] {Role.MANAGER, Role.MEMBER}) {
            var someone = ConsoleClient.signIn(port, people.create(acme.id(), role));
            long before = keyCount();

            assertThat(someone.get("/admin/api-keys").statusCode()).as(role + " GET").isEqualTo(403);
            assertThat(someone.get("/admin/api-keys/" + acme.keyId() + "/revoke").statusCode()).isEqualTo(403);
            var create = someone.post("/admin/api-keys", concat(new String[] {"name", "sneaky"}, ALL_SCOPES));
            assertThat(create.statusCode()).as(role + " POST").isEqualTo(403);
            assertThat(create.body()).contains("Your role does not allow this").doesNotContain("class=\"secret\"");
            assertThat(someone.post("/admin/api-keys/" + acme.keyId() + "/revoke").statusCode()).isEqualTo(403);

            assertThat(keyCount()).isEqualTo(before);
            assertThat(revoked(acme.keyId())).isFalse();
            assertThat(someone.get("/admin/integrations/jira").body()).doesNotContain("href=\"/admin/api-keys\"");
        }
        assertThat(console.get("/admin/integrations/jira").body()).contains("href=\"/admin/api-keys\"");
    }

    private static void assertRefused(HttpResponse<String> answer, int status, String message) {
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.body()).contains("data-testid=\"api-keys-error\"").contains(message)
                .doesNotContain("class=\"secret\"");
    }

    private static String shownKey(String page) {
        Matcher matcher = SHOWN_KEY.matcher(page);
        assertThat(matcher.find()).as("a key on the page").isTrue();
        return matcher.group(1);
    }

    /** {@code fy_abcd1234_…} as the listing shows a key. */
    private static String prefixShown(String key) {
        return key.substring(0, "fy_abcd1234_".length()) + "…";
    }

    private static String secretPart(String key) {
        return key.substring("fy_abcd1234_".length());
    }

    private long keyCount() {
        return jdbc.sql("select count(*) from api_key").query(Long.class).single();
    }

    private boolean revoked(String id) {
        return jdbc.sql("select count(*) from api_key where id = :id and revoked_at is not null").param("id", id)
                .query(Long.class).single() > 0;
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
