package dev.ferry.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.simulator.spec.SpecResources;
import dev.ferry.site.TestSites;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Atlassian's 40 interoperability vectors, each sent over real HTTP through Ferry's Connect gate with
 * the clock set to when they were signed: every one must be accepted, and its canonical form match.
 */
@FerryIntegrationTest
@Import({InteropVectorsTest.VectorEndpoints.class, InteropVectorsTest.FrozenClock.class})
class InteropVectorsTest {

    /** Atlassian's vectors, carried by the simulator's jar. */
    static final String VECTORS = SpecResources.INTEROP_VECTORS;
    static final String ISSUER = "jira:1234-5678-9000";
    /** Between the vectors' iat (1466731075) and exp (1466731255). */
    static final Instant SIGNED_AT = Instant.ofEpochSecond(1466731100);

    @LocalServerPort
    int port;
    @Autowired
    TestSites sites;

    @BeforeEach
    void installTheVectorsSite() throws IOException {
        sites.install(ISSUER, vectors().get("secret").asString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyVectorPassesTheRealGate(String name, String canonicalUrl, String signedUrl) {
        URI signed = URI.create(signedUrl);
        String pathAndQuery = signed.getRawPath() + (signed.getRawQuery() == null ? "" : "?" + signed.getRawQuery());

        var response = new Http(port).get(pathAndQuery);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(ISSUER);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyVectorsCanonicalFormMatches(String name, String canonicalUrl, String signedUrl) {
        URI signed = URI.create(signedUrl);

        var canonical = CanonicalRequest.of("GET", signed.getRawPath(), signed.getRawQuery(), "");

        assertThat(canonical.text()).isEqualTo(canonicalUrl);
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        vectors().get("tests").forEach(test -> cases.add(Arguments.of(test.get("name").asString(),
                test.get("canonicalUrl").asString(), test.get("signedUrl").asString())));
        assertThat(cases).hasSize(40);
        return cases.stream();
    }

    static JsonNode vectors() throws IOException {
        try (var in = InteropVectorsTest.class.getResourceAsStream(VECTORS)) {
            return JsonMapper.builder().build().readTree(in);
        }
    }

    /** The vectors' paths, behind the real gate, answering with the verified issuer. */
    @RestController
    static class VectorEndpoints {

        @GetMapping({"/test", "/endsWithDelimiter", "/endsWithDelimiter/", "/path!$&'()*+,;=", "/path!$&'()*+,"})
        @ConnectJwt
        String vector(ConnectPrincipal principal) {
            return principal.clientKey();
        }
    }

    /** Freezes time when the vectors were signed. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FrozenClock {

        @Bean
        @Primary
        Clock vectorsClock() {
            return Clock.fixed(SIGNED_AT, ZoneOffset.UTC);
        }
    }
}
