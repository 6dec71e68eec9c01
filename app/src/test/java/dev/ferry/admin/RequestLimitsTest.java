package dev.ferry.admin;

import static dev.ferry.admin.OrganizationBootstrapTest.JSON;
import static dev.ferry.admin.OrganizationBootstrapTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.FerryApplication;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.Organizations;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The product API's request limits over real HTTP. Windows of an hour keep a slow machine from slipping into
 * the next window mid-test; each test calls from its own address (X-Forwarded-For, believed from loopback
 * under {@code server.forward-headers-strategy=native}), since the node remembers full windows across tests.
 */
@FerryIntegrationTest
@TestPropertySource(properties = {RequestLimitsTest.PER_KEY, RequestLimitsTest.PER_ADDRESS, RequestLimitsTest.PREVIEWS,
        RequestLimitsTest.FAILED_TOKENS, RequestLimitsTest.FORWARDED})
class RequestLimitsTest {

    static final String PER_KEY = "ferry.admin.limits.per-key=5/1h";
    static final String PER_ADDRESS = "ferry.admin.limits.per-address=30/1h";
    static final String PREVIEWS = "ferry.admin.limits.previews-per-key=2/1h";
    static final String FAILED_TOKENS = "ferry.admin.limits.failed-tokens-per-address=10/1h";
    static final String FORWARDED = "server.forward-headers-strategy=native";
    static final String DRAFT = "{\"summaryTemplate\":\"{{a}}\",\"descriptionFormat\":\"TEXT\",\"descriptionTemplate\":\"x\"}";

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    Http http;

    @BeforeEach
    void setUp() throws InterruptedException {
        http = new Http(port);
        awayFromAWindowsEnd();
    }

    /**
     * Windows are fixed clock hours: a test that began in the last seconds of one would see its counts start
     * again in the next (a run at 19:00:00 did). It waits for the new hour instead.
     */
    static void awayFromAWindowsEnd() throws InterruptedException {
        long intoHour = System.currentTimeMillis() % 3_600_000L;
        if (intoHour > 3_600_000L - 30_000L) {
            Thread.sleep(3_600_000L - intoHour + 100);
        }
    }

    @Test
    void aKeyOverItsLimitGets429WithRetryAfterWhileAnotherKeyIsStillServed() {
        var acme = organizations.create("Acme");
        var other = organizations.key(acme.id());

        for (int i = 0; i < 5; i++) {
            assertThat(sites(http, acme, "198.51.100.1").statusCode()).isEqualTo(200);
        }
        var refused = sites(http, acme, "198.51.100.2");

        assertTooMany(refused);
        assertThat(sites(http, other, "198.51.100.1").statusCode()).isEqualTo(200);
    }

    @Test
    void wrongOperatorTokensGet429AfterTheLimitEvenWhenTheRightOneFollows() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            statuses.add(operator("Bearer wrong-token-" + i, "198.51.100.20").statusCode());
        }

        assertThat(statuses.subList(0, 10)).containsOnly(401);
        assertThat(statuses.subList(10, 200)).containsOnly(429);
        assertTooMany(operator(OrganizationBootstrapTest.OPERATOR, "198.51.100.20"));
        assertThat(operator(OrganizationBootstrapTest.OPERATOR, "198.51.100.21").statusCode()).isEqualTo(201);
    }

    @Test
    void wrongApiKeysCountAgainstTheirAddress() {
        var acme = organizations.create("Acme");
        for (int i = 0; i < 10; i++) {
            assertProblem(http.get("/api/v1/sites", "Authorization", "Bearer fy_wrong", "X-Forwarded-For", "198.51.100.30"), 401);
        }

        assertTooMany(http.get("/api/v1/sites", "Authorization", "Bearer fy_wrong", "X-Forwarded-For", "198.51.100.30"));
        assertTooMany(sites(http, acme, "198.51.100.30"));
        assertThat(sites(http, acme, "198.51.100.31").statusCode()).isEqualTo(200);
    }

    @Test
    void anAddressOverItsLimitGets429ButJiraFacingPathsStillAnswer() {
        for (int i = 0; i < 30; i++) {
            assertProblem(http.get("/api/v1/sites", "X-Forwarded-For", "198.51.100.40"), 401);
        }

        assertTooMany(http.get("/api/v1/sites", "X-Forwarded-For", "198.51.100.40"));
        assertTooMany(http.get("/api/v1/openapi.json", "X-Forwarded-For", "198.51.100.40"));
        assertThat(http.get("/atlassian-connect.json", "X-Forwarded-For", "198.51.100.40").statusCode()).isEqualTo(200);
        assertProblem(http.get("/api/v1/sites", "X-Forwarded-For", "198.51.100.41"), 401);
    }

    @Test
    void previewsHaveTheirOwnTighterLimitPerKey() {
        var acme = organizations.create("Acme");

        for (int i = 0; i < 2; i++) {
            assertThat(preview(acme).statusCode()).isEqualTo(200);
        }

        assertTooMany(preview(acme));
        assertThat(sites(http, acme, "198.51.100.50").statusCode()).isEqualTo(200);
    }

    @Test
    void theLimitIsSharedByTwoNodesOnOneDatabase() {
        var acme = organizations.create("Acme");
        try (ConfigurableApplicationContext second = secondNode()) {
            Http other = new Http(Integer.parseInt(second.getEnvironment().getProperty("local.server.port")));
            for (Http node : List.of(http, other, http, other, other)) {
                assertThat(sites(node, acme, "198.51.100.60").statusCode()).isEqualTo(200);
            }

            assertTooMany(sites(other, acme, "198.51.100.60"));
            assertTooMany(sites(http, acme, "198.51.100.61"));
        }
    }

    HttpResponse<String> sites(Http node, Organizations.Org org, String address) {
        return node.get("/api/v1/sites", org.auth()[0], org.auth()[1], "X-Forwarded-For", address);
    }

    HttpResponse<String> operator(String authorization, String address) {
        return http.post("/api/v1/organizations", "{\"name\":\"Acme\"}", "Authorization", authorization,
                "X-Forwarded-For", address);
    }

    HttpResponse<String> preview(Organizations.Org org) {
        return http.post("/api/v1/templates/preview", DRAFT, org.auth()[0], org.auth()[1], "X-Forwarded-For", "198.51.100.50");
    }

    static void assertTooMany(HttpResponse<String> response) {
        assertProblem(response, 429);
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 3600L));
        assertThat(JSON.readTree(response.body()).path("title").asString()).isEqualTo("Too many requests");
    }

    /** Another Ferry on the same database, as a second node behind the same load balancer would be. */
    static ConfigurableApplicationContext secondNode() {
        String database = System.getProperty("spring.datasource.url", "jdbc:h2:mem:ferry-test;DB_CLOSE_DELAY=-1");
        return new SpringApplicationBuilder(FerryApplication.class).profiles("test")
                .run("--server.port=0", "--spring.datasource.url=" + database, "--" + PER_KEY, "--" + PER_ADDRESS,
                        "--" + PREVIEWS, "--" + FAILED_TOKENS, "--" + FORWARDED);
    }
}
