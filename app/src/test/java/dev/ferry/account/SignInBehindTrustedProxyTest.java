package dev.ferry.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.principal.Role;
import dev.ferry.support.ConsoleClient;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Organizations;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

/**
 * Sign-in throttling behind a trusted proxy (the test itself, on 127.0.0.1), whose X-Forwarded-For names
 * the client: parallel guesses get no more password checks than allowed, and a stranger's failures
 * cannot keep the owner out.
 */
@FerryIntegrationTest
@TestPropertySource(properties = {"ferry.admin.login.trusted-proxies=127.0.0.1/32",
        "ferry.admin.login.first-delay=10m", "ferry.admin.login.max-account-delay=2m"})
@Import(SignInBehindTrustedProxyTest.CountedChecks.class)
class SignInBehindTrustedProxyTest {

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    @Autowired
    People people;
    @Autowired
    CountingEncoder encoder;

    People.Login owner;

    @BeforeEach
    void owner() {
        owner = people.create(organizations.create("Acme").id(), Role.ADMIN);
    }

    @Test
    void thirtyParallelWrongPasswordsForOneEmailGetNoMoreThanFivePasswordChecks() throws Exception {
        List<ConsoleClient> guessers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            var guesser = ConsoleClient.anonymous(port).header("X-Forwarded-For", "203.0.113.5");
            guesser.csrfToken();
            guessers.add(guesser);
        }
        encoder.checks.set(0);

        List<String> landings = allAtOnce(guessers, guesser -> guesser.signIn(owner.email(), "wrong password"));

        assertThat(encoder.checks.get()).isLessThanOrEqualTo(5);
        assertThat(landings).allSatisfy(landing -> assertThat(landing).startsWith("/admin/login?"));
        assertThat(landings.stream().filter(landing -> landing.equals("/admin/login?error"))).hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void theOwnerSignsInFromTheirOwnAddressAfterAStrangersFiftyFailures() {
        var home = ConsoleClient.anonymous(port).header("X-Forwarded-For", "198.51.100.7");
        assertThat(landing(home.signIn(owner.email(), owner.password()))).isEqualTo("/admin");

        var stranger = ConsoleClient.anonymous(port);
        for (int i = 0; i < 50; i++) {
            stranger.header("X-Forwarded-For", "203.0.113." + (i % 10));
            stranger.signIn(owner.email(), "guess " + i);
        }

        var again = ConsoleClient.anonymous(port).header("X-Forwarded-For", "198.51.100.7");
        assertThat(landing(again.signIn(owner.email(), owner.password()))).as("from home").isEqualTo("/admin");
    }

    @Test
    void fromANewAddressTheOwnerWaitsNoLongerThanTheAccountWideCap() {
        var stranger = ConsoleClient.anonymous(port);
        for (int i = 0; i < 50; i++) {
            stranger.header("X-Forwarded-For", "203.0.113." + (i % 10));
            stranger.signIn(owner.email(), "guess " + i);
        }

        var travelling = ConsoleClient.anonymous(port).header("X-Forwarded-For", "192.0.2.44");
        var refused = travelling.signIn(owner.email(), owner.password());

        assertThat(landing(refused)).startsWith("/admin/login?throttled=");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 120L);
        stranger.header("X-Forwarded-For", "203.0.113.1");
        assertThat(landing(stranger.signIn(owner.email(), owner.password()))).as("the stranger waits too")
                .startsWith("/admin/login?throttled=");
    }

    @Test
    void theClientIsTheRightMostAddressThatIsNoTrustedProxy() {
        var guesser = ConsoleClient.anonymous(port).header("X-Forwarded-For", "6.6.6.6, 203.0.113.9, 127.0.0.1");
        for (int i = 0; i < 5; i++) {
            guesser.signIn(owner.email(), "wrong password");
        }

        guesser.header("X-Forwarded-For", "7.7.7.7, 203.0.113.9");
        assertThat(landing(guesser.signIn(owner.email(), owner.password()))).startsWith("/admin/login?throttled=");
        var other = ConsoleClient.anonymous(port).header("X-Forwarded-For", "203.0.113.10");
        assertThat(landing(other.signIn(owner.email(), owner.password()))).isEqualTo("/admin");
    }

    private static List<String> allAtOnce(List<ConsoleClient> clients,
            java.util.function.Function<ConsoleClient, HttpResponse<String>> attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<String>> answers = clients.stream().map(client -> CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return landing(attempt.apply(client));
            }, pool)).toList();
            start.countDown();
            List<String> landings = new ArrayList<>();
            for (var answer : answers) {
                landings.add(answer.get());
            }
            return landings;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String landing(HttpResponse<String> signIn) {
        assertThat(signIn.statusCode()).isEqualTo(302);
        return signIn.headers().firstValue("Location").orElseThrow();
    }

    /** Ferry's own password encoder, counting how many passwords it checks. */
    static class CountingEncoder implements PasswordEncoder {

        final AtomicInteger checks = new AtomicInteger();
        private final PasswordEncoder delegate = PasswordEncoderFactories.createDelegatingPasswordEncoder();

        @Override
        public String encode(CharSequence raw) {
            return delegate.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return delegate.matches(raw, encoded);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class CountedChecks {

        @Bean
        @Primary
        CountingEncoder countingEncoder() {
            return new CountingEncoder();
        }
    }
}
