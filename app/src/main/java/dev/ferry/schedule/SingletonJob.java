package dev.ferry.schedule;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@code @Scheduled} method on one node at a time and at most once per period across all nodes, on one of
 * the job threads ({@code ferry.schedule.job-threads}) rather than the scheduler's. Each node's scheduler still
 * fires; a firing that finds the job held by another node, or by this node's previous run, is skipped. The method
 * must return void. See {@link SingletonJobs}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SingletonJob {

    /** The job's name in {@code singleton_job_lock} and {@code singleton_job_run}; unique across Ferry. */
    String name();

    /**
     * How long a run holds the job without renewing it (a live run renews it every third of it, so this is how long
     * a dead node keeps the job); a duration such as {@code 2m} or a {@code ${…}} placeholder. Empty:
     * {@code ferry.schedule.lease}.
     */
    String lease() default "";

    /**
     * How long after a run starts no node starts another, so nodes whose schedules are out of step do not each run
     * the job once per period. Empty: nine tenths of the method's {@code @Scheduled} period (fixed delay, fixed
     * rate, or the gap between the cron expression's next two times).
     */
    String holdAtLeast() default "";
}
