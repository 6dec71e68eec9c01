package dev.ferry.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.principal.Role;
import dev.ferry.support.ConsoleClient;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Organizations;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The admin UI's redirects are paths on this server: neither a forged Host nor an X-Forwarded-Host (which
 * Tomcat believes from a proxy it trusts, as here) puts another host into a Location.
 */
@FerryIntegrationTest
@TestPropertySource(properties = "server.forward-headers-strategy=native")
class RedirectsTest {

    static final String HOSTILE = "evil.example";

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    @Autowired
    People people;

    @Test
    void signInSignOutAndTheLoginPageRedirectNeverNameTheForwardedHost() {
        var login = people.create(organizations.create("Acme").id(), Role.ADMIN);
        var console = ConsoleClient.anonymous(port).header("X-Forwarded-Host", HOSTILE);

        assertThat(location(console.get("/admin/users"))).isEqualTo("/admin/login");
        assertThat(location(console.signIn(login.email(), "wrong password"))).isEqualTo("/admin/login?error");
        assertThat(location(console.signIn(login.email(), login.password()))).as("the page asked for before signing in")
                .startsWith("/admin/users");
        assertThat(location(console.post("/admin/logout"))).isEqualTo("/admin/login?signedOut");
    }

    @Test
    void aForgedHostHeaderDoesNotReachTheLocation() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /admin/users HTTP/1.1\r\nHost: " + HOSTILE + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = read(socket.getInputStream());

            assertThat(answer).startsWith("HTTP/1.1 302");
            Matcher location = Pattern.compile("(?im)^Location: ([^\r\n]*)").matcher(answer);
            assertThat(location.find()).isTrue();
            assertThat(location.group(1)).isEqualTo("/admin/login");
        }
    }

    private static String location(java.net.http.HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(302);
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertThat(location).doesNotContain(HOSTILE);
        return location;
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
}
