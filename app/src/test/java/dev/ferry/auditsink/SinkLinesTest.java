package dev.ferry.auditsink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SinkLinesTest {

    @Test
    void theTestLineIsOneLineWithoutARecord() {
        String line = SinkLines.test("c-1", Instant.parse("2026-12-06T10:00:00Z"));
        assertThat(line).endsWith("\n").doesNotContain("recordId").contains("\"test\":true")
                .contains("2026-12-06T10:00:00Z");
        assertThat(line.strip()).doesNotContain("\n");
    }
}
