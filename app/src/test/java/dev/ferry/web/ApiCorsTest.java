package dev.ferry.web;

import static dev.ferry.web.ProblemAnswersTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With no allowed origins configured (the default), no browser may call the product API cross-origin. */
@FerryIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ApiCorsTest {

    @LocalServerPort
    int port;

    @Test
    void anUnauthenticatedPreflightIsRefusedCleanlyAndLogsNoError(CapturedOutput output) {
        RawHttp.Response response = new RawHttp(port).send("OPTIONS", "/api/v1/events", "Origin", "https://app.example",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization,content-type");

        assertProblem(response, 403);
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
        assertThat(output.getOut()).doesNotContain(" ERROR ").doesNotContain("\tat ");
    }

    @Test
    void aPreflightOutsideTheApiIsNoServerError(CapturedOutput output) {
        RawHttp.Response response = new RawHttp(port).send("OPTIONS", "/panels/api/links/1/unlink", "Origin",
                "https://app.example", "Access-Control-Request-Method", "POST");

        assertThat(response.status()).isLessThan(500);
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
        assertThat(output.getOut()).doesNotContain(" ERROR ").doesNotContain("\tat ");
    }
}
