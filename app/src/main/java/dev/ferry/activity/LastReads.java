package dev.ferry.activity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** When ingest last read a connection: the schedule's checkpoints and the latest fetch job. */
@Component
class LastReads {

    private final JdbcClient jdbc;

    LastReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest run of any stream of the connection's schedule. */
    Optional<Instant> scheduled(String connectionId) {
        return jdbc.sql("select max(last_run_at) from ingest_checkpoint where connection_id = ?").param(connectionId)
                .query((rs, row) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class))).single()
                .map(OffsetDateTime::toInstant);
    }

    /** The latest error a stream of the schedule met, if its last run failed. */
    Optional<String> lastError(String connectionId) {
        return jdbc.sql("""
                select last_error from ingest_checkpoint where connection_id = ? and last_error is not null
                and (last_run_at is null or last_error_at >= last_run_at) order by last_error_at desc""")
                .param(connectionId).query(String.class).list().stream().findFirst();
    }

    /** The latest fetch or run, in words: "a fetch of 2026-03-01T00:00Z – 2026-03-08T00:00Z, DONE at …". */
    Optional<String> lastJob(String connectionId) {
        return jdbc.sql("""
                select kind, state, range_from, range_to, finished_at, error from ingest_job where connection_id = ?
                order by created_at desc fetch first 1 rows only""").param(connectionId).query((rs, row) -> {
                    OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
                    String error = rs.getString("error");
                    return ("FETCH".equals(rs.getString("kind")) ? "the last fetch" : "the last scheduled run") + " read "
                            + rs.getObject("range_from", OffsetDateTime.class).toInstant() + " to "
                            + rs.getObject("range_to", OffsetDateTime.class).toInstant() + " and is "
                            + rs.getString("state").toLowerCase(Locale.ROOT)
                            + (finished == null ? "" : " since " + finished.toInstant())
                            + (error == null ? "" : " (" + error + ")");
                }).list().stream().findFirst();
    }
}
