package dev.ferry.forge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.jira.JiraAuth;
import dev.ferry.jira.JiraSite;
import dev.ferry.site.SiteDirectory;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.Installs;
import dev.ferry.support.Tokens;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Forge installations over real HTTP, as Forge posts its life cycle events: which Ferry site an installation serves
 * (a new one, or the Connect site it merges with), what an uninstall refuses, and how the app system token is kept.
 */
@FerryIntegrationTest
@SuppressWarnings("unchecked")
class ForgeInstallationsTest {

    static final ForgeSide FORGE = ForgeSide.INSTANCE;
    static final String SECRET = "connect-shared-secret-that-is-long-enough-01";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Tokens tokens;
    @Autowired
    SiteDirectory directory;
    @Autowired
    ForgeLifecycle lifecycle;
    Http http;
    String installation;
    String cloudId;

    @DynamicPropertySource
    static void forge(DynamicPropertyRegistry registry) {
        ForgeSide.register(registry);
    }

    @BeforeEach
    void setUp() {
        http = new Http(port);
        installation = "ari:cloud:ecosystem::installation/" + UUID.randomUUID();
        cloudId = UUID.randomUUID().toString();
    }

    @Test
    void aForgeInstallOfASiteFerryNeverSawMakesASiteWithoutSharedSecret() {
        String token = FORGE.systemToken(Instant.now().plus(Duration.ofHours(3)));

        assertThat(FORGE.lifecycle(http, "installed", installation, cloudId, token).statusCode()).isEqualTo(204);

        Map<String, Object> site = site("forge-" + cloudId);
        assertThat(site.get("base_url")).isEqualTo(ForgeSide.siteUrl(cloudId));
        assertThat(site.get("cloud_id")).isEqualTo(cloudId);
        assertThat(site.get("installation_id")).isEqualTo(installation);
        assertThat(site.get("state")).isEqualTo("INSTALLED");
        assertThat(site.get("shared_secret_key_id")).isNull();
        assertThat(site.get("shared_secret_ciphertext")).isNull();
        Map<String, Object> row = installation();
        assertThat(row.get("site_key")).isEqualTo("forge-" + cloudId);
        assertThat(row.get("state")).isEqualTo("INSTALLED");
        assertThat(row.get("api_base_url")).isEqualTo(FORGE.apiBaseUrl(cloudId));
        JiraSite callable = directory.callable("forge-" + cloudId).orElseThrow();
        assertThat(callable.auth()).isEqualTo(new JiraAuth.ForgeSystem(token, null));
        assertThat(callable.apiBase()).hasToString(FORGE.apiBaseUrl(cloudId));
        assertThat(callable.baseUrl()).hasToString(ForgeSide.siteUrl(cloudId));
    }

    @Test
    void aConnectTokenNamingAForgeOnlySiteIsRefusedCleanly() {
        FORGE.lifecycle(http, "installed", installation, cloudId, FORGE.systemToken(Instant.now().plusSeconds(7200)));

        var page = http.get("/configure?jwt=" + tokens.request("forge-" + cloudId, SECRET, "GET", "/configure"));

        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body()).contains("through Forge only");
    }

    @Test
    void theSameInstalledEventTwiceIsOneInstallationOfOneSite() {
        String token = FORGE.systemToken(Instant.now().plusSeconds(7200));
        FORGE.lifecycle(http, "installed", installation, cloudId, token);

        assertThat(FORGE.lifecycle(http, "installed", installation, cloudId, token).statusCode()).isEqualTo(204);

        assertThat(count("forge_installation")).isEqualTo(1);
        assertThat(count("site")).isEqualTo(1);
    }

    @Test
    void aConnectOnForgeInstallIsFoundByTheInstallationItNamed() {
        connectInstall("merge-by-installation");
        int asked = FORGE.propertyCalls.get();
        // Installs names the Connect install's Forge installation ari:cloud:ecosystem::installation/mergebyinstallation;
        // the life cycle event names it by the bare id.
        String named = "ari:cloud:ecosystem::installation/mergebyinstallation";

        assertThat(FORGE.lifecycle(http, "installed", named, cloudId, FORGE.systemToken(Instant.now().plusSeconds(7200)))
                .statusCode()).isEqualTo(204);

        assertThat(installation("mergebyinstallation").get("site_key")).isEqualTo("merge-by-installation");
        assertThat(count("site")).isEqualTo(1);
        assertThat(FORGE.propertyCalls.get()).as("Jira is not asked when the install names itself").isEqualTo(asked);
    }

    @Test
    void aConnectSiteIsFoundByTheClientKeyJiraGivesForTheInstallation() {
        connectInstall("merge-by-client-key");
        FORGE.connectClientKeys.put(cloudId, "merge-by-client-key");

        FORGE.lifecycle(http, "installed", installation, cloudId, FORGE.systemToken(Instant.now().plusSeconds(7200)));

        assertThat(installation().get("site_key")).isEqualTo("merge-by-client-key");
        assertThat(count("site")).isEqualTo(1);
        assertThat(site("merge-by-client-key").get("shared_secret_ciphertext")).as("the Connect install stays").isNotNull();
    }

    @Test
    void aConnectSiteIsFoundByItsCloudIdAndCalledWithTheSystemTokenWhileItIsValid() {
        connectInstall("merge-by-cloud");
        String token = FORGE.systemToken(Instant.now().plusSeconds(7200));

        FORGE.lifecycle(http, "installed", installation, "cloud-mergebycloud", token);

        assertThat(installation().get("site_key")).isEqualTo("merge-by-cloud");
        assertThat(count("site")).isEqualTo(1);
        JiraSite callable = directory.callable("merge-by-cloud").orElseThrow();
        assertThat(callable.auth()).isEqualTo(new JiraAuth.ForgeSystem(token, SECRET));
        assertThat(callable.sharedSecret()).as("Ferry's own Connect pages still sign with it").isEqualTo(SECRET);
        expireTokenIn(Duration.ofSeconds(30));
        assertThat(directory.callable("merge-by-cloud").orElseThrow().auth())
                .as("a token about to expire gives way to the Connect secret").isEqualTo(new JiraAuth.ConnectApp(SECRET));
    }

    @Test
    void anUninstalledInstallationIsRefusedFromThenOnAndItsForgeOnlySiteGoesWithIt() {
        FORGE.lifecycle(http, "installed", installation, cloudId, FORGE.systemToken(Instant.now().plusSeconds(7200)));

        assertThat(FORGE.lifecycle(http, "uninstalled", installation, cloudId, null).statusCode()).isEqualTo(204);

        var again = FORGE.lifecycle(http, "upgraded", installation, cloudId, FORGE.systemToken(Instant.now().plusSeconds(9000)));
        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(again.body()).contains("was uninstalled");
        Map<String, Object> row = installation();
        assertThat(row.get("state")).isEqualTo("UNINSTALLED");
        assertThat(row.get("system_token_ciphertext")).as("its token is dropped").isNull();
        assertThat(site("forge-" + cloudId).get("state")).isEqualTo("UNINSTALLED");
        assertThat(directory.callable("forge-" + cloudId)).isEmpty();
    }

    @Test
    void aForgeUninstallOfAMergedSiteKeepsTheConnectInstall() {
        connectInstall("merged-stays");
        FORGE.lifecycle(http, "installed", installation, "cloud-mergedstays", FORGE.systemToken(Instant.now().plusSeconds(7200)));

        FORGE.lifecycle(http, "uninstalled", installation, "cloud-mergedstays", null);

        assertThat(site("merged-stays").get("state")).isEqualTo("INSTALLED");
        assertThat(directory.callable("merged-stays").orElseThrow().auth()).isEqualTo(new JiraAuth.ConnectApp(SECRET));
    }

    @Test
    void aConnectUninstallOfAMergedSiteRetiresItsForgeInstallation() {
        connectInstall("merged-goes");
        FORGE.lifecycle(http, "installed", installation, "cloud-mergedgoes", FORGE.systemToken(Instant.now().plusSeconds(7200)));

        var uninstall = http.postJwt("/lifecycle/uninstalled", tokens.install("merged-goes", "/lifecycle/uninstalled"),
                Installs.event("uninstalled", "merged-goes"));

        assertThat(uninstall.statusCode()).isEqualTo(204);
        assertThat(installation().get("state")).isEqualTo("UNINSTALLED");
        assertThat(installation().get("system_token_ciphertext")).isNull();
        assertThat(FORGE.lifecycle(http, "upgraded", installation, "cloud-mergedgoes", null).statusCode()).isEqualTo(401);
        assertThat(directory.callable("merged-goes")).isEmpty();
    }

    @Test
    void aTokenWhoseCloudIdOrApiBaseUrlDisagreesWithTheInstallationIsRefused() {
        FORGE.lifecycle(http, "installed", installation, cloudId, FORGE.systemToken(Instant.now().plusSeconds(7200)));
        String body = ForgeSide.lifecycleBody("avi:forge:upgraded:app", installation, cloudId);

        Map<String, Object> otherBase = FORGE.claims(installation, cloudId);
        ((Map<String, Object>) otherBase.get("app")).put("apiBaseUrl", "https://api.atlassian.com/ex/jira/elsewhere");
        var moved = http.post("/forge/lifecycle/upgraded", body, "Authorization", "Bearer " + FORGE.fit(otherBase));
        Map<String, Object> otherCloud = FORGE.claims(installation, cloudId);
        ((Map<String, Object>) otherCloud.get("context")).put("cloudId", "another-cloud");
        var otherSite = http.post("/forge/lifecycle/upgraded", body, "Authorization", "Bearer " + FORGE.fit(otherCloud));

        assertThat(moved.statusCode()).isEqualTo(401);
        assertThat(moved.body()).contains("app.apiBaseUrl is not the one of Forge installation");
        assertThat(otherSite.statusCode()).isEqualTo(401);
        assertThat(otherSite.body()).contains("context.cloudId is not the cloudId of Forge installation");
        assertThat(installation().get("upgraded_at")).isNull();
    }

    @Test
    void theSystemTokenIsKeptSealedOnlyWhenItOutlivesTheOneHeldAndOnlyWhileValid() {
        String first = FORGE.systemToken(Instant.now().plus(Duration.ofHours(2)));
        FORGE.lifecycle(http, "installed", installation, cloudId, first);
        long version = version();

        FORGE.lifecycle(http, "upgraded", installation, cloudId, first);
        FORGE.lifecycle(http, "upgraded", installation, cloudId, FORGE.systemToken(Instant.now().plus(Duration.ofHours(1))));
        FORGE.lifecycle(http, "upgraded", installation, cloudId, FORGE.systemToken(Instant.now().minusSeconds(10)));
        assertThat(version()).as("upgrades are recorded, the same or an older token is not written")
                .isEqualTo(version + 3);
        assertThat(token()).isEqualTo(first);

        String later = FORGE.systemToken(Instant.now().plus(Duration.ofHours(3)));
        FORGE.lifecycle(http, "upgraded", installation, cloudId, later);
        assertThat(token()).isEqualTo(later);
        Map<String, Object> row = installation();
        assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(later)
                .doesNotContain(later.split("\\.")[1]));
        assertThat(String.valueOf(row.get("system_token_key_id"))).matches("[0-9a-f]{12}");
        assertThat(instant(row.get("system_token_expires_at")))
                .isCloseTo(Instant.now().plus(Duration.ofHours(3)), within(Duration.ofSeconds(5)));

        expireTokenIn(Duration.ofSeconds(-5));
        assertThat(directory.callable("forge-" + cloudId).orElseThrow().auth()).as("an expired token is as good as none")
                .isEqualTo(new JiraAuth.ForgeSystem(null, null));
        lifecycle.dropExpiredTokens();
        assertThat(installation().get("system_token_ciphertext")).as("and is dropped").isNull();
    }

    @Test
    void aTokenWhoseExpiryCannotBeReadIsKeptForTheShortestDocumentedValidity() {
        FORGE.systemTokens.add("opaque-system-token");

        FORGE.lifecycle(http, "installed", installation, cloudId, "opaque-system-token");

        assertThat(instant(installation().get("system_token_expires_at")))
                .isCloseTo(Instant.now().plus(Duration.ofMinutes(55)), within(Duration.ofSeconds(5)));
        assertThat(token()).isEqualTo("opaque-system-token");
    }

    @Test
    void aLifeCycleEventAboutAnotherInstallationIsRefused() {
        String body = ForgeSide.lifecycleBody("avi:forge:installed:app", "ari:cloud:ecosystem::installation/" + UUID.randomUUID(),
                cloudId);

        var response = http.post("/forge/lifecycle/installed", body, "Authorization", "Bearer " + FORGE.fit(installation, cloudId));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("another installation");
        assertThat(http.post("/forge/lifecycle/installed", "{\"id\":", "Authorization", "Bearer "
                + FORGE.fit(installation, cloudId)).statusCode()).as("not JSON").isEqualTo(400);
        assertThat(count("forge_installation")).isZero();
    }

    @Test
    void theTokenAloneNamesTheInstallationWhenTheBodyDoesNot() {
        var response = http.post("/forge/lifecycle/installed", "{}", "Authorization", "Bearer "
                + FORGE.fit(installation, cloudId), "x-forge-oauth-system", FORGE.systemToken(Instant.now().plusSeconds(7200)));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(installation().get("site_key")).isEqualTo("forge-" + cloudId);
    }

    private void connectInstall(String clientKey) {
        var response = http.postJwt("/lifecycle/installed", tokens.install(clientKey, "/lifecycle/installed"),
                Installs.installed(clientKey, SECRET));
        assertThat(response.statusCode()).isEqualTo(204);
    }

    /** The token Ferry would call Jira with for the installation's site, as the site directory hands it out. */
    private String token() {
        var auth = directory.callable(String.valueOf(installation().get("site_key"))).orElseThrow().auth();
        return auth instanceof JiraAuth.ForgeSystem forge ? forge.systemToken() : null;
    }

    /** Time passing for the token held: its expiry moved to now plus {@code left}. */
    private void expireTokenIn(Duration left) {
        jdbc.sql("update forge_installation set system_token_expires_at = ? where installation_id = ?")
                .params(Timestamp.from(Instant.now().plus(left)), ForgeInstallation.uuid(installation)).update();
    }

    private long version() {
        return ((Number) installation().get("version")).longValue();
    }

    private Map<String, Object> installation() {
        return installation(ForgeInstallation.uuid(installation));
    }

    private Map<String, Object> installation(String id) {
        return lower(jdbc.sql("select * from forge_installation where installation_id = ?").param(id).query().singleRow());
    }

    private Map<String, Object> site(String key) {
        return lower(jdbc.sql("select * from site where client_key = ?").param(key).query().singleRow());
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    private static Map<String, Object> lower(Map<String, Object> row) {
        var lowered = new java.util.LinkedHashMap<String, Object>();
        row.forEach((key, value) -> lowered.put(key.toLowerCase(java.util.Locale.ROOT), value));
        return lowered;
    }

    /** H2 gives a timestamp with time zone as OffsetDateTime, PostgreSQL's driver as Timestamp. */
    private static Instant instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant() : ((java.time.OffsetDateTime) value).toInstant();
    }

    private static org.assertj.core.data.TemporalUnitOffset within(Duration duration) {
        return org.assertj.core.api.Assertions.within(duration.toSeconds(), ChronoUnit.SECONDS);
    }
}
