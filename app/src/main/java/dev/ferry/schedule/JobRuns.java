package dev.ferry.schedule;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/** The {@code singleton_job_run} rows: one per run actually executed, so an operator (or a test) sees who ran what. */
@Component
class JobRuns {

    static final String RUNNING = "RUNNING";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";
    /** The run ended, but somewhere in it its node could not renew the lease: another node may have run meanwhile. */
    static final String LEASE_LOST = "LEASE_LOST";

    private final JdbcClient jdbc;

    JobRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long started(String job, String node, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into singleton_job_run (job_name, node_name, started_at, outcome) values (?, ?, ?, ?)")
                .params(job, node, Timestamp.from(at), RUNNING).update(key, "id");
        return Objects.requireNonNull(key.getKey()).longValue();
    }

    void finished(long run, Instant at, String outcome) {
        jdbc.sql("update singleton_job_run set finished_at = ?, outcome = ? where id = ?")
                .params(Timestamp.from(at), outcome, run).update();
    }

    /** Forgets the job's runs started before {@code cutoff}; cheap along (job_name, started_at), so done after every run. */
    int pruneBefore(String job, Instant cutoff) {
        return jdbc.sql("delete from singleton_job_run where job_name = ? and started_at < ?")
                .params(job, Timestamp.from(cutoff)).update();
    }
}
