package dev.ferry.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ferry.simulator.auth.Canonical;
import dev.ferry.simulator.auth.Tokens;
import dev.ferry.simulator.fault.Fault;
import dev.ferry.simulator.rest.JiraData;
import dev.ferry.simulator.rest.Users;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may read the audit log (Administer Jira, an app asking ADMIN, the right OAuth scopes) and Jira's faults. */
class SimulatedAuditAccessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private JiraSimulator jira;
    private WireMockServer app;

    @BeforeEach
    void start() {
        jira = JiraSimulator.start();
        AuditCalls.admitAdmin(jira);
        jira.data().audit("User created", "user management", Instant.parse("2026-01-01T00:00:00Z"));
    }

    @AfterEach
    void stop() {
        jira.close();
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void anAccountWithoutAdministerJiraIs403WithJirasWords() throws Exception {
        jira.credentials().addApiToken("bot@example.com", "bot-token");
        HttpResponse<String> refused = AuditCalls.as(jira, "", AuditCalls.basic("bot@example.com", "bot-token"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).path("errorMessages").get(0).asText())
                .isEqualTo("You do not have permission to view audit records.");
        assertThat(jira.data().auditLog().requests()).isEqualTo(1);
    }

    @Test
    void theSiteAdminLosingAdministerJiraIsRefusedToo() throws Exception {
        assertThat(AuditCalls.asAdmin(jira, "").statusCode()).isEqualTo(200);
        jira.data().grant(Users.ADMIN_ACCOUNT_ID, "ADMINISTER", false);
        assertThat(AuditCalls.asAdmin(jira, "").statusCode()).isEqualTo(403);
    }

    @Test
    void aSiteWhoseJiraIsOnlyOnTheFreePlanIs403() throws Exception {
        jira.data().plan(JiraData.FREE);
        HttpResponse<String> refused = AuditCalls.asAdmin(jira, "");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("paid plan");
    }

    @Test
    void anAppReadsTheAuditLogOnlyWhenItsDescriptorAsksForAdmin() throws Exception {
        install(List.of("READ", "WRITE"));
        assertThat(asApp("limit=10").statusCode()).isEqualTo(403);
        install(List.of("READ", "ADMIN"));
        HttpResponse<String> read = asApp("limit=10");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(read.body()).path("total").asInt()).isEqualTo(1);
    }

    @Test
    void anOAuthTokenNeedsTheConfigurationScopeOrBothGranularOnes() throws Exception {
        String path = "/ex/jira/" + jira.cloudId() + AuditCalls.PATH;
        assertThat(viaGateway(path, List.of("read:jira-work", "read:jira-user"))).isEqualTo(401);
        assertThat(viaGateway(path, List.of("read:audit-log:jira"))).isEqualTo(401);
        assertThat(viaGateway(path, List.of("manage:jira-configuration"))).isEqualTo(200);
        assertThat(viaGateway(path, List.of("read:audit-log:jira", "read:user:jira"))).isEqualTo(200);
    }

    @Test
    void aRevokedTokenIs401() throws Exception {
        jira.credentials().revokeApiToken(AuditCalls.ADMIN_EMAIL);
        assertThat(AuditCalls.asAdmin(jira, "").statusCode()).isEqualTo(401);
    }

    @Test
    void scriptedFaultsApplyToTheRoute() throws Exception {
        jira.faults().add("GET", AuditCalls.PATH, Fault.rateLimited(Duration.ofSeconds(5), "jira-quota-global-based"), 1);
        jira.faults().add("GET", AuditCalls.PATH, Fault.serverError(500), 1);
        jira.faults().add("GET", AuditCalls.PATH, Fault.serverError(503), 1);
        HttpResponse<String> limited = AuditCalls.asAdmin(jira, "");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("5");
        assertThat(AuditCalls.asAdmin(jira, "").statusCode()).isEqualTo(500);
        assertThat(AuditCalls.asAdmin(jira, "").statusCode()).isEqualTo(503);
        assertThat(AuditCalls.asAdmin(jira, "").statusCode()).isEqualTo(200);
    }

    @Test
    void theSpecCheckFlagsAParameterTheOperationDoesNotHave() throws Exception {
        AuditCalls.asAdmin(jira, "offset=0&limit=10&from=2026-01-01T00:00:00.000Z&filter=user");
        jira.assertNoSpecViolations();
        AuditCalls.asAdmin(jira, "startAt=0");
        assertThat(jira.specViolations()).singleElement().satisfies(violation ->
                assertThat(violation.toString()).contains("startAt"));
    }

    private int viaGateway(String path, List<String> scopes) throws Exception {
        jira.oauth().registerClient("ferry-client", "ferry-secret", "http://127.0.0.1/callback");
        String token = jira.oauth().grantedAccessToken("ferry-client", Users.ADMIN_ACCOUNT_ID, scopes);
        return SiteRequests.send(jira, "GET", jira.gatewayUrl().substring(jira.baseUrl().length()) + path, null,
                "Bearer " + token).statusCode();
    }

    private void install(List<String> scopes) throws Exception {
        if (app == null) {
            app = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
            app.start();
        }
        String base = "http://127.0.0.1:" + app.port() + "/app";
        Map<String, Object> descriptor = Map.of("key", "audit-reader", "baseUrl", base, "scopes", scopes,
                "authentication", Map.of("type", "jwt"), "lifecycle", Map.of("installed", "/installed",
                        "uninstalled", "/uninstalled", "enabled", "/enabled", "disabled", "/disabled"));
        app.resetAll();
        app.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
        app.stubFor(get("/app/atlassian-connect.json").willReturn(aResponse()
                .withBody(JSON.writeValueAsString(descriptor))));
        jira.site().install(base);
    }

    private HttpResponse<String> asApp(String query) throws Exception {
        long now = Instant.now().getEpochSecond();
        String token = Tokens.hs256(Map.of("iss", "audit-reader", "iat", now, "exp", now + 180,
                "qsh", Canonical.qsh("GET", AuditCalls.PATH, query, "")), jira.site().secret());
        return AuditCalls.as(jira, query, "JWT " + token);
    }
}
