package dev.ferry.ingest.job;

import dev.ferry.principal.ApiCaller;
import dev.ferry.principal.ApiScope;
import dev.ferry.principal.RequiresScope;
import dev.ferry.refusal.Refusal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Activity ingest over the API: fetch a connection's activity for a date range, follow and cancel the fetch,
 * see every connection as a data source, change its schedule.
 */
@RestController
@RequestMapping("/api/v1")
class IngestController {

    private final Fetches fetches;
    private final DataSources dataSources;
    private final Schedules schedules;

    IngestController(Fetches fetches, DataSources dataSources, Schedules schedules) {
        this.fetches = fetches;
        this.dataSources = dataSources;
        this.schedules = schedules;
    }

    /** 202 with the queued job; 409 while the connection has a fetch open. */
    @PostMapping("/connections/{id}/fetch")
    @RequiresScope(ApiScope.INGEST_MANAGE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    JobView fetch(ApiCaller caller, @PathVariable String id, @RequestBody Fetches.FetchRequest body) {
        return fetches.start(caller.organizationId(), caller.actor(), id, body);
    }

    /** The connection's latest fetches, newest first. */
    @GetMapping("/connections/{id}/fetches")
    @RequiresScope(ApiScope.ACTIVITY_READ)
    JobList fetches(ApiCaller caller, @PathVariable String id) {
        return new JobList(fetches.recent(caller.organizationId(), id));
    }

    @GetMapping("/fetches/{jobId}")
    @RequiresScope(ApiScope.ACTIVITY_READ)
    JobView fetchJob(ApiCaller caller, @PathVariable String jobId) {
        return fetches.find(caller.organizationId(), jobId);
    }

    /** Ends a queued or waiting job now, a running one between two pages; what was stored stays. */
    @PostMapping("/fetches/{jobId}/cancel")
    @RequiresScope(ApiScope.INGEST_MANAGE)
    JobView cancel(ApiCaller caller, @PathVariable String jobId) {
        return fetches.cancel(caller.organizationId(), caller.actor(), jobId);
    }

    @GetMapping("/data-sources")
    @RequiresScope(ApiScope.ACTIVITY_READ)
    DataSourceList dataSources(ApiCaller caller) {
        return new DataSourceList(dataSources.of(caller.organizationId()));
    }

    @PatchMapping("/connections/{id}/schedule")
    @RequiresScope(ApiScope.INGEST_MANAGE)
    DataSources.ScheduleView schedule(ApiCaller caller, @PathVariable String id, @RequestBody ScheduleChange body) {
        dataSources.find(caller.organizationId(), id)
                .orElseThrow(() -> Refusal.notFound("no connection " + id + " in this organization"));
        Schedules.Schedule changed = schedules.update(caller.organizationId(), caller.actor(), id, body.everyMinutes(),
                body.paused());
        return new DataSources.ScheduleView(changed.everyMinutes(), changed.paused(),
                changed.paused() ? null : changed.nextRunAt(), changed.updatedAt(), changed.updatedBy());
    }

    record JobList(List<JobView> fetches) {
    }

    record DataSourceList(List<DataSources.DataSource> dataSources) {
    }

    /** @param everyMinutes 5 to 1440; null keeps it */
    record ScheduleChange(Integer everyMinutes, Boolean paused) {
    }
}
