package dev.ferry.auditsink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.auditrecord.StoredRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SinkLinesTest {

    @Test
    void eachRecordIsOneLineWithItsPositionCollectorAndIdAndTheBodyAsReceived() {
        String body = "{\"id\":7,\"summary\":\"a\\nb\",\"unexpected\":{\"x\":[1,2]}}";
        String lines = SinkLines.of(List.of(stored(41, 7, body), stored(45, 9, "{\"id\":9}")));
        assertThat(lines).isEqualTo("{\"position\":41,\"collectorId\":\"c-1\",\"recordId\":7,\"record\":" + body + "}\n"
                + "{\"position\":45,\"collectorId\":\"c-1\",\"recordId\":9,\"record\":{\"id\":9}}\n");
    }

    @Test
    void theTestLineIsOneLineWithoutARecord() {
        String line = SinkLines.test("c-1", Instant.parse("2026-12-06T10:00:00Z"));
        assertThat(line).endsWith("\n").doesNotContain("recordId").contains("\"test\":true")
                .contains("2026-12-06T10:00:00Z");
        assertThat(line.strip()).doesNotContain("\n");
    }

    private static StoredRecord stored(long position, long recordId, String body) {
        Instant at = Instant.parse("2026-11-01T00:00:00Z");
        return new StoredRecord(position, "c-1", "org-1", recordId, at, null, null, null, null, null, null, null, at,
                body);
    }
}
