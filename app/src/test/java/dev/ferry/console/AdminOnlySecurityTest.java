package dev.ferry.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.site.TestSites;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.Tokens;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Spring Security guards the admin UI only: the descriptor, Jira's iframes, the product API and the
 * actuator get no session, no CSRF check and no security header (an X-Frame-Options would break Jira's frames).
 */
@FerryIntegrationTest
class AdminOnlySecurityTest {

    static final String SITE = "framed-site";
    static final String SECRET = "framed-site-shared-secret-long-enough-00001";

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Autowired
    Tokens tokens;
    @Autowired
    TestSites sites;

    @Test
    void theDescriptorGetsNoCookieAndNoSecurityHeader() {
        var descriptor = new Http(port).get("/atlassian-connect.json");

        assertUntouched(descriptor);
        assertThat(descriptor.headers().firstValue("X-Content-Type-Options")).isEmpty();
    }

    @Test
    void anIframePageGetsNoCookieAndNoFrameOptions() {
        sites.install(SITE, SECRET);
        String path = "/configure?xdm_e=https%3A%2F%2Fframedsite.atlassian.net&cp=&lic=none&cv=1001.0.0";

        var page = new Http(port).get(path + "&jwt=" + tokens.request(SITE, SECRET, "GET", path));

        assertThat(page.statusCode()).isEqualTo(200);
        assertUntouched(page);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).startsWith("frame-ancestors https://framedsite.atlassian.net"));
    }

    @Test
    void theProductApiAndHealthAreUntouched() {
        var api = new Http(port).post("/api/v1/events", "{}");
        assertThat(api.statusCode()).as("the API key check answers, not a CSRF check").isEqualTo(401);
        assertUntouched(api);
        assertUntouched(new Http(port).get("/readyz"));
        assertUntouched(new Http(managementPort).get("/actuator/health"));
    }

    private static void assertUntouched(HttpResponse<String> answer) {
        assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(answer.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(answer.headers().firstValue("X-XSS-Protection")).isEmpty();
        assertThat(answer.headers().firstValue("Pragma")).as("Spring Security's no-cache set").isEmpty();
    }
}
