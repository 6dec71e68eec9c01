package dev.ferry.start;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.event.EventTypeDefinition;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The first-event example posts one of the organization's own event types to this Ferry, with a key placeholder. */
class CurlExampleTest {

    @Test
    void theExampleUsesTheRealBaseUrlAPlaceholderKeyAndSampleValues() {
        var type = new EventTypeDefinition("experiment.guardrail_breached", List.of("experimentName", "note?"), true,
                "Bug", "High", "[Guardrail] {{experimentName}}", List.of());

        String curl = CurlExample.firstEvent("https://ferry.example.com", type, Instant.parse("2026-12-06T08:00:00Z"));

        assertThat(curl).startsWith("curl -X POST https://ferry.example.com/api/v1/events \\\n")
                .contains("-H 'Authorization: Bearer YOUR_API_KEY'")
                .contains("\"type\" : \"experiment.guardrail_breached\"")
                .contains("\"experimentName\" : \"Checkout redesign\"").contains("\"note\" : \"sample note\"");
    }

    @Test
    void aSingleQuoteInAValueCannotEndTheShellString() {
        var type = new EventTypeDefinition("it's.odd", List.of(), true, "Bug", null, "x", List.of());

        assertThat(CurlExample.firstEvent("http://localhost:8080", type, Instant.EPOCH)).contains("it'\\''s.odd");
    }
}
