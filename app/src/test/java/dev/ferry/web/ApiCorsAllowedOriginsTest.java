package dev.ferry.web;

import static dev.ferry.web.ProblemAnswersTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Organizations;
import dev.ferry.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The origins in {@code ferry.web.cors-allowed-origins} may call the product API from a browser; no others. */
@FerryIntegrationTest
@TestPropertySource(properties = "ferry.web.cors-allowed-origins=https://app.example")
class ApiCorsAllowedOriginsTest {

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredWithoutCredentials() {
        RawHttp.Response response = new RawHttp(port).send("OPTIONS", "/api/v1/events", "Origin", "https://app.example",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization,content-type");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example");
        assertThat(response.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(response.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
    }

    @Test
    void theCallItselfCarriesTheAllowedOriginAndStillNeedsItsKey() {
        var acme = organizations.create("Acme");
        RawHttp raw = new RawHttp(port);

        RawHttp.Response call = raw.send("GET", "/api/v1/event-types", "Origin", "https://app.example",
                "Authorization", acme.auth()[1]);
        assertThat(call.status()).isEqualTo(200);
        assertThat(call.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example");
        assertProblem(raw.send("GET", "/api/v1/event-types", "Origin", "https://app.example"), 401);
    }

    @Test
    void anotherOriginIsRefused() {
        RawHttp.Response response = new RawHttp(port).send("OPTIONS", "/api/v1/events", "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST");

        assertProblem(response, 403);
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
    }
}
