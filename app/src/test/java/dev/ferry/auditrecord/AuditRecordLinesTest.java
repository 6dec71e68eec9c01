package dev.ferry.auditrecord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditRecordLinesTest {

    @Test
    void eachRecordIsOneLineWithItsPositionCollectorAndIdAndTheBodyAsReceived() {
        String body = "{\"id\":7,\"summary\":\"a\\nb\",\"unexpected\":{\"x\":[1,2]}}";
        String lines = AuditRecordLines.of(List.of(stored(41, "c-1", 7, body), stored(45, "c-1", 9, "{\"id\":9}")));
        assertThat(lines).isEqualTo("{\"position\":41,\"collectorId\":\"c-1\",\"recordId\":7,\"record\":" + body + "}\n"
                + "{\"position\":45,\"collectorId\":\"c-1\",\"recordId\":9,\"record\":{\"id\":9}}\n");
    }

    @Test
    void aBatchLineIsTheLineTheExportAndTheStreamWrite() {
        StoredRecord record = stored(3, "c-2", 5, "{\"id\":5}");
        String exported = AuditRecordLines.of(new AuditRecordReader.Line(3, "c-2", 5, "{\"id\":5}"));
        assertThat(AuditRecordLines.of(List.of(record))).isEqualTo(exported + "\n");
    }

    @Test
    void aCollectorIdIsEscapedSoTheLineStaysJson() {
        String lines = AuditRecordLines.of(List.of(stored(1, "a\"b\\c", 2, "{}")));
        assertThat(lines).contains("\"collectorId\":\"a\\\"b\\\\c\"");
    }

    private static StoredRecord stored(long position, String collectorId, long recordId, String body) {
        Instant at = Instant.parse("2026-11-01T00:00:00Z");
        return new StoredRecord(position, collectorId, "org-1", recordId, at, null, null, null, null, null, null, null,
                at, body);
    }
}
