package dev.ferry.simulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.simulator.spec.SpecResources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The simulator's signing against Atlassian's 40 Connect interoperability vectors. */
class InteropVectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<Arguments> vectors() throws Exception {
        JsonNode file = JSON.readTree(SpecResources.text(SpecResources.INTEROP_VECTORS));
        List<Arguments> vectors = new ArrayList<>();
        file.path("tests").forEach(test -> vectors.add(Arguments.of(test.path("name").asText(),
                test.path("canonicalUrl").asText(), test.path("signedUrl").asText(), file.path("secret").asText())));
        return vectors;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void canonicalStringAndQshMatchTheVector(String name, String canonical, String signedUrl, String secret) {
        String[] pathAndQuery = pathAndQuery(signedUrl);
        assertThat(Canonical.text("GET", pathAndQuery[0], pathAndQuery[1], "")).isEqualTo(canonical);
        String token = signedUrl.substring(signedUrl.indexOf("jwt=") + 4);
        assertThat(Canonical.qsh("GET", pathAndQuery[0], pathAndQuery[1], ""))
                .isEqualTo(Tokens.claims(token).path("qsh").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void signingTheVectorsClaimsReproducesItsTokenByteForByte(String name, String canonical, String signedUrl, String secret) {
        String token = signedUrl.substring(signedUrl.indexOf("jwt=") + 4);
        JsonNode claims = Tokens.claims(token);
        Map<String, Object> same = new LinkedHashMap<>();
        same.put("qsh", Canonical.sha256Hex(canonical));
        same.put("context", Map.of());
        same.put("iss", claims.path("iss").asText());
        same.put("exp", claims.path("exp").asLong());
        same.put("iat", claims.path("iat").asLong());
        assertThat(Tokens.hs256(same, secret)).isEqualTo(token);
        assertThat(Tokens.verifiesHs256(token, secret)).isTrue();
        assertThat(Tokens.verifiesHs256(token, secret + "x")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void aConfluenceBasePathIsStrippedOnlyOnASegmentBoundary(String name, String canonical, String signedUrl, String secret) {
        String[] pathAndQuery = pathAndQuery(signedUrl);
        assertThat(Canonical.text("GET", "/wiki" + pathAndQuery[0], pathAndQuery[1], "/wiki")).isEqualTo(canonical);
    }

    private static String[] pathAndQuery(String signedUrl) {
        String afterHost = signedUrl.substring("https://example.com".length());
        int q = afterHost.indexOf('?');
        return new String[] {afterHost.substring(0, q), afterHost.substring(q + 1)};
    }
}
