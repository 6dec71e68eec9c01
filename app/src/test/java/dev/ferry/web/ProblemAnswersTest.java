package dev.ferry.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.principal.ApiScope;
import dev.ferry.principal.RequiresScope;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.Organizations;
import dev.ferry.support.RawHttp;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import jakarta.servlet.Filter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error has one shape over the wire, whoever answers it (Spring MVC, a filter, the webhook valve, the
 * servlet container or Tomcat itself): application/problem+json with a title and a status and no type
 * member, and never a stack trace or a class name.
 */
@FerryIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ProblemAnswersTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String INTERNALS = "jdbc:postgresql://db.internal/ferry password=hunter2";

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    RawHttp raw;
    Http http;

    @BeforeEach
    void setUp() {
        raw = new RawHttp(port);
        http = new Http(port);
    }

    @Test
    void traceIsAProblemNotTomcatsOrSpringBootsOwnAnswer() {
        RawHttp.Response response = raw.send("TRACE", "/api/v1/events");

        assertProblem(response, 405);
        assertThat(response.body()).doesNotContain("TRACE /api/v1/events HTTP/1.1");
    }

    @Test
    void anEncodedSlashInThePathIsAProblem() {
        assertProblem(raw.send("GET", "/api/v1/a%2Fb"), 400);
    }

    @Test
    void aNulInThePathIsAProblem() {
        assertProblem(raw.send("GET", "/api/v1/a%00b"), 400);
    }

    @Test
    void aNulInAQueryParameterIsRefusedNamingTheParameter() {
        var acme = organizations.create("Acme");
        RawHttp.Response response = raw.send("GET", "/api/v1/links?subjectType=a%00b&subjectId=x", acme.auth());

        assertProblem(response, 400);
        assertThat(json(response.body()).path("detail").asString()).contains("subjectType").contains("NUL");
    }

    @Test
    void unknownPathsWrongMethodsBigBodiesAndRefusedCredentialsAllHaveTheSameShape() {
        var acme = organizations.create("Acme");
        assertProblem(raw.send("GET", "/no-such-page"), 404);
        assertProblem(raw.send("GET", "/api/v1/no-such-thing", acme.auth()), 404);
        assertProblem(raw.send("DELETE", "/api/v1/events", acme.auth()), 405);
        assertProblem(raw.send("GET", "/webhooks/jira:issue_created"), 405);
        assertProblem(raw.send("GET", "/api/v1/events/x"), 401);
        assertProblem(raw.send("POST", "/panels/api/links/1/unlink", "Content-Length", "0"), 401);
        String tooBig = "x".repeat(1_000_001);
        assertProblem(of(http.post("/api/v1/events", tooBig, acme.auth())), 413);
        assertProblem(of(http.post("/webhooks/jira:issue_created", "{}")), 401);
        assertProblem(of(http.post("/api/v1/events", "{\"type\":", acme.auth())), 400);
    }

    @Test
    void anUnexpectedFailureIsAGeneric500AndItsStackTraceIsLoggedForAnAuthenticatedCaller(CapturedOutput output) {
        var acme = organizations.create("Acme");
        RawHttp.Response response = raw.send("GET", "/api/v1/test-failure", acme.auth());

        assertProblem(response, 500);
        assertThat(response.body()).doesNotContain(INTERNALS).doesNotContain("IllegalStateException")
                .doesNotContain("dev.ferry");
        assertThat(output.getOut()).contains("ERROR").contains("at dev.ferry.web.ProblemAnswersTest$Failing");
    }

    @Test
    void anUnauthenticatedRequestThatFailsIsLoggedInOneLineWithoutAStackTrace(CapturedOutput output) {
        RawHttp.Response response = raw.send("GET", "/test-failure");

        assertProblem(response, 500);
        assertThat(response.body()).doesNotContain(INTERNALS).doesNotContain("IllegalStateException");
        assertThat(output.getOut()).contains("GET /test-failure (unauthenticated) failed")
                .doesNotContain(" ERROR ").doesNotContain("\tat dev.ferry");
    }

    @Test
    void aFilterThatFailsForAnUnauthenticatedRequestIsAGeneric500LoggedWithoutAStackTrace(CapturedOutput output) {
        RawHttp.Response response = raw.send("GET", "/test-filter-failure");

        assertProblem(response, 500);
        assertThat(response.body()).doesNotContain(INTERNALS);
        assertThat(output.getOut()).contains("GET /test-filter-failure (unauthenticated) failed")
                .doesNotContain(" ERROR ").doesNotContain("\tat ");
    }

    static void assertProblem(RawHttp.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.body()).startsWith("application/problem+json");
        JsonNode problem = json(response.body());
        assertThat(problem.path("status").asInt()).as(response.body()).isEqualTo(status);
        assertThat(problem.path("title").asString("")).as(response.body()).isNotBlank();
        assertThat(problem.has("type")).as("no problem has a type member: " + response.body()).isFalse();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static RawHttp.Response of(HttpResponse<String> response) {
        return new RawHttp.Response(response.statusCode(),
                Map.of("content-type", response.headers().firstValue("Content-Type").orElse("")), response.body());
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    /** Endpoints that fail the way a bug would, carrying internals in the message. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FailingEndpoints {

        @Bean
        Failing failing() {
            return new Failing();
        }

        /** A filter that breaks, as a session store that lost its database does. */
        @Bean
        FilterRegistrationBean<Filter> failingFilter() {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                throw new IllegalStateException(INTERNALS);
            });
            registration.addUrlPatterns("/test-filter-failure");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
            return registration;
        }
    }

    /** Declares a scope like every product API handler, or the scope check would refuse it before it fails. */
    @RestController
    static class Failing {

        @GetMapping({"/api/v1/test-failure", "/test-failure"})
        @RequiresScope(ApiScope.EVENTS_READ)
        String fail() {
            throw new IllegalStateException(INTERNALS);
        }
    }
}
