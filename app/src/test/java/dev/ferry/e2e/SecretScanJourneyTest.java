package dev.ferry.e2e;

import static dev.ferry.e2e.Events.guardrail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.account.People;
import dev.ferry.oauth.OAuthRefreshes;
import dev.ferry.callback.CallbackDrain;
import dev.ferry.delivery.DeliveryDrain;
import dev.ferry.objectstate.ObjectStateDrain;
import dev.ferry.principal.Role;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.support.ConsoleClient;
import dev.ferry.support.Organizations;
import java.nio.charset.StandardCharsets;
import java.sql.Clob;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * No secret in clear anywhere Ferry writes: after a connection is added with an API token and a Confluence
 * token, edited, given a token Jira refuses and one it accepts, and used to file tickets, neither any API answer,
 * any console page, the log, nor any column of any table holds one of them.
 */
@FerryJourney
@ExtendWith(OutputCaptureExtension.class)
class SecretScanJourneyTest {

    static final String EMAIL = "Sami@acme-secrets.example";
    static final String TOKEN = "ATATT3xFfGF0-scan-first-token-Zq81";
    static final String NEW_TOKEN = "ATATT3xFfGF0-scan-second-token-Kw27";
    static final String REFUSED_TOKEN = "ATATT3xFfGF0-scan-refused-token-Pm55";
    static final String CONFLUENCE_TOKEN = "ATATT3xFfGF0-scan-confluence-token-Hd09";
    static final String NEW_CONFLUENCE_TOKEN = "ATATT3xFfGF0-scan-confluence-second-Vb64";

    /**
     * The console pages scanned, {id} being the connection's and {destination} the destination's; each must answer
     * 200, so a broken sign-in cannot make the scan pass empty. Add new pages here.
     */
    static final List<String> PAGES = List.of("/admin", "/admin/integrations/jira", "/admin/destinations",
            "/admin/destinations/{destination}", "/admin/destinations/{destination}/test-ticket", "/admin/deliveries",
            "/admin/links?subjectType=experiment&subjectId=exp-30", "/admin/audit", "/admin/api-keys",
            "/admin/connections", "/admin/connections/{id}", "/admin/connections/{id}/delete",
            "/admin/connections/oauth", "/admin/callbacks", "/admin/callbacks/{callback}",
            "/admin/callbacks/{callback}/delete", "/admin/tickets/new?site={id}&subjectType=anomaly&subjectId=an-30",
            "/admin/links?subjectType=anomaly&subjectId=an-30", "/admin/settings");


    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Organizations organizations;

    @Autowired
    People people;

    final List<String> answers = new ArrayList<>();
    final List<String> callbackSecrets = new ArrayList<>();
    String callback;

    @Test
    void noSecretIsInAnyAnswerPageLogLineOrTableInClear(Journey journey, CapturedOutput output) {
        JiraSimulator jira = journey.jira();
        jira.data().accounts().add("557058:sami", EMAIL, "Sami Secret");
        jira.credentials().revokeApiToken(EMAIL);
        jira.credentials().addApiToken(EMAIL, TOKEN);
        Organizations.Org org = organizations.create("Acme Secrets");
        ProductApi api = journey.api(org.key());

        String id = seen(api.post("/api/v1/connections", "{\"siteUrl\":\"" + jira.baseUrl() + "\",\"email\":\"" + EMAIL
                + "\",\"token\":\"" + TOKEN + "\",\"confluenceToken\":\"" + CONFLUENCE_TOKEN + "\",\"defaultProject\":\"FERRY\"}"),
                201).json().path("id").asString();
        seen(api.patch("/api/v1/connections/" + id, "{\"confluenceToken\":\"" + NEW_CONFLUENCE_TOKEN + "\"}"), 200);
        seen(api.patch("/api/v1/connections/" + id, "{\"token\":\"" + REFUSED_TOKEN + "\"}"), 502);
        jira.credentials().addApiToken(EMAIL, NEW_TOKEN);
        seen(api.patch("/api/v1/connections/" + id, "{\"token\":\"" + NEW_TOKEN + "\"}"), 200);
        String destination = seen(api.post("/api/v1/destinations", "{\"site\":\"" + id + "\",\"projectKey\":\"FERRY\"}"),
                201).json().path("id").asString();
        String eventId = seen(api.post("/api/v1/events", guardrail("exp-30", "Secrets")), 202).json().path("id").asString();
        DeliveryDrain.drain(context);
        seen(api.post("/api/v1/destinations/" + destination + "/test-ticket", "{}"), 201);
        assertThat(seen(api.get("/api/v1/events/" + eventId), 200).json().path("outcome").asString()).isEqualTo("delivered");
        // An OAuth connection too: its access and refresh tokens (and the code exchange) must stay as hidden.
        // A 30-minute token is due for the refresh worker, so a rotated refresh token is stored too.
        jira.oauth().accessTokenLifetime(java.time.Duration.ofMinutes(30));
        String oauth;
        try {
            oauth = OAuthConnections.connect(journey, people, org.id());
        } finally {
            jira.oauth().accessTokenLifetime(java.time.Duration.ofHours(1));
        }
        seen(api.post("/api/v1/destinations", "{\"site\":\"" + oauth + "\",\"projectKey\":\"OPS\"}"), 201);
        seen(api.post("/api/v1/events", guardrail("exp-31", "Secrets over OAuth")), 202);
        DeliveryDrain.drain(context);
        assertThat(OAuthRefreshes.refreshDue(context)).as("grants refreshed").isEqualTo(1);
        // A callback endpoint: its signing secret is shown once on create and once on rotation, and nowhere else.
        ProductApi.Reply added = api.post("/api/v1/callbacks", "{\"url\":\"http://127.0.0.1:" + journey.callbackPort()
                + "/ferry\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        callback = added.json().path("id").asString();
        callbackSecrets.add(added.json().path("secret").asString());
        ProductApi.Reply rotated = api.post("/api/v1/callbacks/" + callback + "/rotate-secret", "");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        callbackSecrets.add(rotated.json().path("secret").asString());
        seen(api.post("/api/v1/callbacks/" + callback + "/test", ""), 202);
        long ticket = seen(api.post("/api/v1/tickets", HandTickets.complete(id, "an-30", "557058:sami").toString()), 201)
                .json().path("id").asLong();
        seen(api.post("/api/v1/objects/anomaly/an-30/state", "{\"state\":\"acknowledged\",\"note\":\"seen\"}"), 202);
        ObjectStateDrain.drain(context);
        CallbackDrain.drain(context);
        for (String path : List.of("/api/v1/callbacks", "/api/v1/callbacks/" + callback,
                "/api/v1/callbacks/" + callback + "/attempts", "/api/v1/objects/anomaly/an-30/state-history",
                "/api/v1/tickets/" + ticket,
                "/api/v1/organization/settings")) {
            seen(api.get(path), 200);
        }
        for (String path : List.of("/api/v1/connections", "/api/v1/connections/" + oauth, "/api/v1/connections/" + id,
                "/api/v1/connections/" + id + "/what-stops", "/api/v1/destinations", "/api/v1/destinations/" + destination,
                "/api/v1/deliveries", "/api/v1/links?subjectType=experiment&subjectId=exp-30", "/api/v1/audit",
                "/api/v1/sites")) {
            seen(api.get(path), 200);
        }

        Map<String, String> secrets = secrets();
        assertThat(callbackSecrets).as("a secret on create and on rotation").hasSize(2).allMatch(secret -> secret.startsWith("whsec_"));
        callbackSecrets.forEach(secret -> {
            secrets.put("a callback signing secret", secret);
            secrets.put("a callback signing key", secret.substring("whsec_".length()));
        });
        jira.oauth().issuedTokens().forEach(token -> secrets.put("an OAuth token Atlassian issued", token));
        assertThat(jira.oauth().issuedTokens()).as("the OAuth connection got tokens to hide").isNotEmpty();
        assertThat(answers).as("API answers").allSatisfy(answer -> assertNoSecret("an API answer", answer, secrets));
        pages(journey, org, id, destination).forEach((page, body) -> assertNoSecret(page, body, secrets));
        assertThat(output.getAll()).as("Ferry's log is captured").contains("connection " + id + " added");
        assertNoSecret("the log", output.getAll(), secrets);
        tables().forEach((cell, value) -> assertNoSecret(cell, value, secrets));
        assertThat(jdbc.sql("select token_ciphertext from jira_connection where kind = 'API_TOKEN'").query(String.class)
                .single())
                .as("the token is stored, sealed").isNotBlank();
        assertThat(jdbc.sql("select confluence_token_ciphertext from jira_connection where kind = 'API_TOKEN'")
                .query(String.class).single())
                .as("the Confluence token is stored, sealed").isNotBlank();
        assertThat(jdbc.sql("select refresh_ciphertext from oauth_grant").query(String.class).single())
                .as("the OAuth refresh token is stored, sealed").isNotBlank();
    }

    /**
     * Every secret of the journey, by name, in clear and as the Basic header carries it; the OAuth tokens the
     * simulator issued are added by the test.
     */
    private static Map<String, String> secrets() {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (Map.Entry<String, String> token : Map.of("the API token", TOKEN, "the replacing API token", NEW_TOKEN,
                "the API token Jira refused", REFUSED_TOKEN, "the Confluence token", CONFLUENCE_TOKEN,
                "the replacing Confluence token", NEW_CONFLUENCE_TOKEN).entrySet()) {
            secrets.put(token.getKey(), token.getValue());
            secrets.put(token.getKey() + " in a Basic header", Base64.getEncoder()
                    .encodeToString((EMAIL + ":" + token.getValue()).getBytes(StandardCharsets.UTF_8)));
        }
        secrets.put("the OAuth client secret", Journey.OAUTH_CLIENT_SECRET);
        return secrets;
    }

    private ProductApi.Reply seen(ProductApi.Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        answers.add(reply.body());
        return reply;
    }

    /** The console pages that exist, as an admin of the organization sees them, by path. */
    private Map<String, String> pages(Journey journey, Organizations.Org org, String id, String destination) {
        ConsoleClient console = ConsoleClient.signIn(journey.port(), people.create(org.id(), Role.ADMIN));
        Map<String, String> scanned = new LinkedHashMap<>();
        List<String> absent = new ArrayList<>();
        for (String page : PAGES) {
            String path = page.replace("{id}", id).replace("{destination}", destination).replace("{callback}", callback);
            var answer = console.get(path);
            if (answer.statusCode() == 200) {
                scanned.put(path, answer.body());
            } else {
                absent.add(path + " (" + answer.statusCode() + ")");
            }
        }
        System.out.println("Secret scan: console pages scanned " + scanned.keySet() + ", not answering " + absent);
        assertThat(absent).as("every console page answers, so none escapes the scan").isEmpty();
        return scanned;
    }

    /** Every cell of every table of Ferry's schema as text, by table, row and column. */
    private Map<String, String> tables() {
        List<String> tables = jdbc.sql("select table_name from information_schema.tables"
                + " where lower(table_schema) = lower(current_schema) and table_type = 'BASE TABLE'")
                .query(String.class).list();
        assertThat(tables).extracting(String::toLowerCase).contains("jira_connection", "oauth_grant", "audit_record",
                "spring_session_attributes");
        Map<String, String> cells = new LinkedHashMap<>();
        for (String table : tables) {
            List<Map<String, Object>> rows = jdbc.sql("select * from \"" + table + "\"").query().listOfRows();
            for (int row = 0; row < rows.size(); row++) {
                for (Map.Entry<String, Object> column : rows.get(row).entrySet()) {
                    cells.put(table + "[" + row + "]." + column.getKey(), text(column.getValue()));
                }
            }
        }
        return cells;
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.ISO_8859_1) + new String(bytes, StandardCharsets.UTF_8);
        }
        if (value instanceof Clob clob) {
            try {
                return clob.getSubString(1, (int) clob.length());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return value.toString();
    }

    private static void assertNoSecret(String where, String text, Map<String, String> secrets) {
        secrets.forEach((name, secret) -> assertThat(text).as(name + " in " + where).doesNotContain(secret));
    }
}
