package dev.ferry.auditrecord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Organizations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A stream resuming far back sends its backlog a chunk per check, each asking for the next, so it takes turns with
 * the other streams on the shared scheduler and never piles a backlog into the emitter before it is connected.
 */
@FerryIntegrationTest
class AuditRecordFollowerTest {

    static final Instant T = Instant.parse("2026-11-02T10:00:00Z");

    @Autowired
    AuditRecordStore store;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Organizations organizations;
    @Autowired
    AuditRecordReader reader;

    @Test
    void aCheckSendsOneChunkAndAsksForTheNextWhileMoreMayFollow() {
        AuditRecordFixtures fixtures = new AuditRecordFixtures(store, transaction, jdbc);
        String acme = organizations.create("Acme Follow Chunks").id();
        fixtures.store(acme, fixtures.collector(acme), T, 5, "user management");
        List<Object> sent = new ArrayList<>();
        SseEmitter emitter = new SseEmitter() {
            @Override
            public void send(SseEventBuilder event) {
                sent.add(event);
            }
        };
        List<AuditRecordFollower> again = new ArrayList<>();
        AuditRecordFollower follower = new AuditRecordFollower(emitter, new AuditRecordFilter(acme, null, null, null,
                null), reader, 2, 0, again::add);

        follower.check();
        assertThat(sent).as("one chunk").hasSize(2);
        assertThat(again).containsExactly(follower);

        follower.check();
        follower.check();
        assertThat(sent).hasSize(5);
        assertThat(again).as("the last chunk was short: nothing more to ask for").hasSize(2);
    }
}
