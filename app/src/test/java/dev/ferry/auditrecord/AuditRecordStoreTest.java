package dev.ferry.auditrecord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.support.FerryIntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Each audit record is kept once per collector, as received, at a position readers can resume from. */
@FerryIntegrationTest
class AuditRecordStoreTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    AuditRecordStore store;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void aRecordComingAgainIsKeptOnceAndAPageIsNumberedOldestFirst() {
        assertThat(store(List.of(record(3, "2026-11-02T10:00:03.000+0000"), record(2, "2026-11-02T10:00:02.000+0000"))))
                .isEqualTo(2);
        assertThat(store(List.of(record(4, "2026-11-02T10:00:04.000+0000"), record(3, "2026-11-02T10:00:03.000+0000"),
                record(4, "2026-11-02T10:00:04.000+0000")))).isEqualTo(1);

        List<StoredRecord> kept = store.after("org-a", "collector-1", 0, 10);
        assertThat(kept).extracting(StoredRecord::recordId).containsExactly(2L, 3L, 4L);
        assertThat(kept.get(1).position()).isGreaterThan(kept.get(0).position());
        assertThat(store.after("org-a", "collector-1", kept.get(1).position(), 10)).extracting(StoredRecord::recordId)
                .containsExactly(4L);
        assertThat(store.after("org-b", "collector-1", 0, 10)).as("another organization's reader").isEmpty();
    }

    @Test
    void aRecordIsKeptAsReceivedWithFieldsFerryDoesNotKnow() {
        String json = """
                {"id":7,"summary":"User created","created":"2026-11-02T10:00:07.123+0000","category":"user management",
                 "authorAccountId":"5ab8","remoteAddress":"192.168.1.1","objectItem":{"id":"u1","name":"ana","typeName":"USER"},
                 "somethingNew":{"nested":[1,2,3]}}""";
        store(List.of(ReceivedRecord.of(JSON.readTree(json))));

        StoredRecord kept = store.after("org-a", "collector-1", 0, 1).get(0);
        assertThat(JSON.readTree(kept.body())).isEqualTo(JSON.readTree(json));
        assertThat(kept.created()).isEqualTo(Instant.parse("2026-11-02T10:00:07.123Z"));
        assertThat(kept).extracting(StoredRecord::category, StoredRecord::authorAccountId, StoredRecord::remoteAddress,
                StoredRecord::objectType, StoredRecord::objectName)
                .containsExactly("user management", "5ab8", "192.168.1.1", "USER", "ana");
    }

    @Test
    void aPageStoredLaterCannotBecomeVisibleBeforeAnEarlierPositionIs() throws Exception {
        CountDownLatch dealt = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            store.store("org-a", "collector-1", List.of(record(1, "2026-11-02T10:00:01.000+0000")));
            dealt.countDown();
            await(release);
        }));
        assertThat(dealt.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status ->
                store.store("org-a", "collector-2", List.of(record(1, "2026-11-02T10:00:01.000+0000")))));

        Thread.sleep(500);
        assertThat(second).as("the second page waits for the first to commit").isNotDone();
        assertThat(store.after("org-a", null, 0, 10)).isEmpty();
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);

        assertThat(store.after("org-a", null, 0, 10)).extracting(StoredRecord::collectorId)
                .containsExactly("collector-1", "collector-2");
    }

    private int store(List<ReceivedRecord> records) {
        return transaction.execute(status -> store.store("org-a", "collector-1", records));
    }

    static ReceivedRecord record(long id, String created) {
        return ReceivedRecord.of(JSON.readTree("{\"id\":" + id + ",\"created\":\"" + created
                + "\",\"summary\":\"Record " + id + "\",\"category\":\"user management\"}"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
