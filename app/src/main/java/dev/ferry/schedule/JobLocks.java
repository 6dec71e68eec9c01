package dev.ferry.schedule;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code singleton_job_lock} rows, in the manner of delivery lanes: taking a job is one conditional update (its
 * lease ran out) or one insert (never taken before), so of any number of nodes one wins; a holder that dies lets
 * go when {@code held_until} passes.
 */
@Component
class JobLocks {

    private final JdbcClient jdbc;

    JobLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the job for {@code holder} until {@code until}; false while another run holds it. */
    boolean take(String job, String holder, Instant now, Instant until) {
        int taken = jdbc.sql("update singleton_job_lock set holder = ?, held_until = ? where job_name = ? and held_until <= ?")
                .params(holder, Timestamp.from(until), job, Timestamp.from(now)).update();
        if (taken == 1) {
            return true;
        }
        try {
            jdbc.sql("insert into singleton_job_lock (job_name, holder, held_until) values (?, ?, ?)")
                    .params(job, holder, Timestamp.from(until)).update();
            return true;
        } catch (DuplicateKeyException held) {
            return false;
        }
    }

    /** Keeps the job until {@code until}; false if {@code holder} no longer holds it (its lease ran out and was taken). */
    boolean renew(String job, String holder, Instant until) {
        return jdbc.sql("update singleton_job_lock set held_until = ? where job_name = ? and holder = ?")
                .params(Timestamp.from(until), job, holder).update() == 1;
    }

    /** The run is over: the job is free from {@code freeFrom} (now, or later to keep the next run a period away). */
    void release(String job, String holder, Instant freeFrom) {
        jdbc.sql("update singleton_job_lock set held_until = ? where job_name = ? and holder = ?")
                .params(Timestamp.from(freeFrom), job, holder).update();
    }
}
