package dev.ferry.auditsink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.refusal.BodyChecks;
import dev.ferry.refusal.BodyError;
import dev.ferry.refusal.InvalidBody;
import dev.ferry.url.OutboundGuard;
import dev.ferry.url.OutboundProperties;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SinkInputTest {

    /** Every name resolves to a public address, except intranet.example, which resolves inside. */
    final SinkInput input = new SinkInput(new OutboundGuard(new OutboundProperties(List.of(), false),
            host -> List.of(InetAddress.getByName(host.equals("intranet.example") ? "10.1.2.3" : "203.0.113.10"))));

    @Test
    void anHttpsUrlOnThePublicInternetWithTokenHeadersPasses() {
        assertThat(refused("https://siem.example.com:8088/services/collector/raw?channel=abc",
                Map.of("Authorization", "Splunk abc", "X-Source", "ferry"), 5000)).isEmpty();
    }

    @Test
    void eachBadFieldIsNamedByItsPointerAllAtOnce() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Bad Name", "x");
        headers.put("X-Evil", "a\r\nHost: inside");
        headers.put("content-type", "text/plain");
        headers.put("a/b", "x");
        assertThat(refused("http://siem.example.com/", headers, 0)).extracting(BodyError::pointer)
                .containsExactly("/batchSize", "/headers/Bad Name", "/headers/X-Evil", "/headers/content-type",
                        "/headers/a~1b", "/url");
    }

    @Test
    void aUrlThatResolvesInsideIsMetadataOrCarriesCredentialsIsRefused() {
        assertThat(refused("https://intranet.example/", Map.of(), 10)).singleElement()
                .satisfies(error -> assertThat(error.detail()).contains("resolves to 10.1.2.3"));
        assertThat(refused("https://169.254.169.254/latest/meta-data/", Map.of(), 10)).extracting(BodyError::pointer)
                .containsExactly("/url");
        assertThat(refused("https://user:secret@siem.example.com/", Map.of(), 10)).singleElement()
                .satisfies(error -> assertThat(error.detail()).contains("user name or password")
                        .doesNotContain("secret"));
    }

    @Test
    void tooManyHeadersOrTooLongValuesAreRefused() {
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i <= SinkInput.MAX_HEADERS; i++) {
            many.put("X-H" + i, "v");
        }
        assertThat(refused("https://siem.example.com/", many, 10)).extracting(BodyError::pointer).contains("/headers");
        assertThat(refused("https://siem.example.com/", Map.of("X-Long", "v".repeat(SinkInput.MAX_VALUE + 1)), 10))
                .extracting(BodyError::pointer).contains("/headers/X-Long");
    }

    private List<BodyError> refused(String url, Map<String, String> headers, Integer batchSize) {
        BodyChecks checks = new BodyChecks();
        input.check(checks, url, headers, batchSize);
        try {
            checks.refuseIfAny();
            return List.of();
        } catch (InvalidBody refused) {
            return refused.errors();
        }
    }

    @Test
    void theConsoleFormReadsNameValueLinesAndRefusesALineWithoutAColon() {
        assertThat(SinkForm.headers("Authorization: Splunk a:b\r\n\nX-Source:ferry\n"))
                .containsExactly(Map.entry("Authorization", "Splunk a:b"), Map.entry("X-Source", "ferry"));
        assertThatThrownBy(() -> SinkForm.headers("Authorization Splunk abc")).isInstanceOf(InvalidBody.class)
                .hasMessageContaining("Name: value");
    }
}
