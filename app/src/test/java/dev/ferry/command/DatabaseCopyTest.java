package dev.ferry.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import dev.ferry.FerryApplication;
import dev.ferry.crypto.SecretCipher;
import dev.ferry.crypto.Sealed;
import dev.ferry.support.Http;
import dev.ferry.support.InstallKeyServer;
import dev.ferry.support.Installs;
import dev.ferry.support.IssueEvents;
import dev.ferry.support.Organizations;
import dev.ferry.support.TestSupportConfig;
import dev.ferry.support.Tokens;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An H2 file database filled by Ferry's own flows (a Connect install, an organization with an API key and a
 * callback endpoint, a webhook in the inbox) copied into an empty PostgreSQL schema by {@code copy-database}; then a
 * Ferry on PostgreSQL reads the site, opens its shared secret on a signed request, opens the callback secret and
 * inserts new rows after the copied ids.
 */
class DatabaseCopyTest {

    /** PostgreSQL's schema for this test alone: the copy needs an empty one, never the suite's. */
    static final String SCHEMA = System.getProperty("ferry.test.copy-schema", "ferry_copy_test");
    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    static final String TARGET = POSTGRES + "&currentSchema=" + SCHEMA;
    static final String SITE = "copied-site";
    static final String SECRET = "copied-site-shared-secret-long-enough-0000001";

    @TempDir
    Path dir;

    @BeforeEach
    void emptyTargetSchema() {
        try (Connection connection = DriverManager.getConnection(POSTGRES); Statement sql = connection.createStatement()) {
            sql.execute("drop schema if exists " + SCHEMA + " cascade");
            sql.execute("create schema " + SCHEMA);
        } catch (SQLException unreachable) {
            abort("PostgreSQL at 127.0.0.1:5432, the copy's target, cannot be reached: " + unreachable.getMessage());
        }
    }

    @Test
    void anH2DatabaseFilledByFerryIsCopiedIntoPostgreSqlWhereFerryReadsItAndOpensItsSecrets() throws Exception {
        String h2 = "jdbc:h2:file:" + dir.resolve("ferry");
        String apiKey;
        String callbackId;
        try (ConfigurableApplicationContext first = start(h2, "PUBLIC")) {
            Http http = new Http(port(first));
            Tokens tokens = first.getBean(Tokens.class);
            assertThat(http.postJwt("/lifecycle/installed", tokens.install(SITE, "/lifecycle/installed"),
                    Installs.installed(SITE, SECRET)).statusCode()).isEqualTo(204);
            apiKey = first.getBean(Organizations.class).create("Copied Org").key();
            HttpResponse<String> callback = http.post("/api/v1/callbacks", "{\"url\":\"http://127.0.0.1:9/in\"}",
                    "Authorization", "Bearer " + apiKey, "Content-Type", "application/json");
            assertThat(callback.statusCode()).as(callback.body()).isEqualTo(201);
            callbackId = first.getBean(JdbcClient.class).sql("select id from callback_endpoint").query(String.class).single();
            assertThat(webhook(http, tokens, "before-the-copy").statusCode()).isEqualTo(204);
        }

        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = FerryCommands.run(new String[] {"copy-database", "--from=" + h2, "--to=" + TARGET, "--batch-size=2"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).containsPattern("  site +1 rows").containsPattern("  callback_endpoint +1 rows")
                .containsPattern("  webhook_delivery +1 rows").containsPattern("  event_type +[1-9][0-9]* rows")
                .contains("sealed secrets were copied as they are");
        assertThat(printed.indexOf("  organization ")).isLessThan(printed.indexOf("  callback_endpoint "));
        assertEveryIdentityContinuesAfterTheCopiedIds();

        try (ConfigurableApplicationContext copied = start(TARGET, SCHEMA)) {
            Http http = new Http(port(copied));
            Tokens tokens = copied.getBean(Tokens.class);
            JdbcClient jdbc = copied.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select base_url from site where client_key = ?").param(SITE).query(String.class).single())
                    .isEqualTo("https://copiedsite.atlassian.net");
            assertThat(http.get("/configure?jwt=" + tokens.request(SITE, SECRET, "GET", "/configure")).statusCode())
                    .as("the shared secret opens on PostgreSQL").isEqualTo(200);
            Sealed secret = jdbc.sql("select secret_key_id, secret_ciphertext from callback_endpoint where id = ?")
                    .param(callbackId).query((rs, n) -> new Sealed(rs.getString(1), rs.getString(2))).single();
            assertThat(copied.getBean(SecretCipher.class).open(secret, "callback_endpoint.secret:" + callbackId))
                    .startsWith("whsec_");
            assertThat(http.get("/api/v1/callbacks", "Authorization", "Bearer " + apiKey).body()).contains(callbackId);
            assertThat(webhook(http, tokens, "after-the-copy").statusCode())
                    .as("a new inbox row takes an id after the copied ones").isEqualTo(204);
            assertThat(webhook(http, tokens, "before-the-copy").statusCode())
                    .as("a copied delivery sent again is known by its copied identifier").isEqualTo(204);
            assertThat(jdbc.sql("select count(*) from webhook_delivery").query(Long.class).single()).isEqualTo(2);
        }
    }

    @Test
    void aTargetThatHoldsTablesIsRefused() throws Exception {
        try (Connection connection = DriverManager.getConnection(TARGET); Statement sql = connection.createStatement()) {
            sql.execute("create table something_else (id int)");
        }
        String h2 = "jdbc:h2:file:" + dir.resolve("other");
        try (Connection created = DriverManager.getConnection(h2)) {
            assertThat(created.isValid(1)).isTrue();
        }
        var err = new ByteArrayOutputStream();

        int exit = FerryCommands.run(new String[] {"copy-database", "--from=" + h2, "--to=" + TARGET},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not empty").contains("something_else");
    }

    @Test
    void aMissingH2FileIsAnErrorNotAnEmptyCopy() {
        var err = new ByteArrayOutputStream();

        int exit = FerryCommands.run(new String[] {"copy-database", "--from=jdbc:h2:file:" + dir.resolve("nothing"),
                "--to=" + TARGET}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("copy-database failed").contains("not found");
    }

    @Test
    void withoutItsOptionsTheCommandShowsItsUsage() {
        var err = new ByteArrayOutputStream();

        int exit = FerryCommands.run(new String[] {"copy-database", "--to=" + TARGET},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--from=… is required").contains("Usage:");
    }

    /** The next id of every identity column is past the ids copied (or a new row would collide with a copied one). */
    private static void assertEveryIdentityContinuesAfterTheCopiedIds() throws SQLException {
        int checked = 0;
        try (Connection connection = DriverManager.getConnection(TARGET); Statement sql = connection.createStatement()) {
            var identities = new java.util.ArrayList<String[]>();
            try (var columns = sql.executeQuery("select table_name, column_name from information_schema.columns "
                    + "where table_schema = '" + SCHEMA + "' and is_identity = 'YES'")) {
                while (columns.next()) {
                    identities.add(new String[] {columns.getString(1), columns.getString(2)});
                }
            }
            for (String[] identity : identities) {
                try (var row = sql.executeQuery("select nextval(pg_get_serial_sequence('" + identity[0] + "', '" + identity[1]
                        + "')), (select coalesce(max(" + identity[1] + "), 0) from " + identity[0] + ")")) {
                    row.next();
                    assertThat(row.getLong(1)).as(identity[0] + "." + identity[1]).isGreaterThan(row.getLong(2));
                    checked += row.getLong(2) > 0 ? 1 : 0;
                }
            }
        }
        assertThat(checked).as("identity columns with copied rows (the inbox at least)").isPositive();
    }

    private static HttpResponse<String> webhook(Http http, Tokens tokens, String id) {
        String path = "/webhooks/jira-issue-updated";
        return http.post(path, IssueEvents.updated("10001", "OPS-1", "Done", "done", 1L),
                "Authorization", "JWT " + tokens.request(SITE, SECRET, "POST", path), "X-Atlassian-Webhook-Identifier", id);
    }

    /** Ferry with the test settings (the suite's secret key) on the given database. */
    private static ConfigurableApplicationContext start(String url, String schema) {
        return new SpringApplicationBuilder(FerryApplication.class, TestSupportConfig.class)
                .initializers(new InstallKeyServer.Initializer()).profiles("test")
                .run("--server.port=0", "--spring.datasource.url=" + url, "--spring.flyway.schemas=" + schema);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
