package dev.ferry.simulator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The demo's summary reads Jira's ADF comments as the lines a person sees. */
class DemoTicketSummaryTest {

    @Test
    void anAdfDocumentReadsAsOneLinePerParagraphWithHardBreaksKept() throws Exception {
        var adf = new ObjectMapper().readTree("""
                {"type": "doc", "version": 1, "content": [
                  {"type": "paragraph", "content": [{"type": "text", "text": "[2026-01-15 10:30:00 UTC] Acme "},
                    {"type": "text", "text": "anomaly status: Acknowledged"}]},
                  {"type": "paragraph", "content": [{"type": "text", "text": "Seen."}, {"type": "hardBreak"},
                    {"type": "text", "text": "Twice."}]}]}""");

        assertThat(DemoTicketSummary.text(adf))
                .isEqualTo("[2026-01-15 10:30:00 UTC] Acme anomaly status: Acknowledged\nSeen.\nTwice.");
    }
}
