package dev.ferry.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Behind a TLS-terminating proxy that says so (X-Forwarded-Proto), the session cookie is Secure. */
@FerryIntegrationTest
@TestPropertySource(properties = "server.forward-headers-strategy=native")
class SecureCookieBehindProxyTest {

    @LocalServerPort
    int port;

    @Test
    void theSessionCookieIsSecureWhenTheRequestCameOverHttps() {
        var page = new Http(port).get("/admin/login", "X-Forwarded-Proto", "https");

        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("FERRY_SESSION=").contains("; Secure").contains("; HttpOnly").contains("; SameSite=Lax"));
    }

    @Test
    void overPlainHttpItIsNot() {
        var page = new Http(port).get("/admin/login");

        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("FERRY_SESSION=").doesNotContain("Secure"));
    }
}
