package dev.ferry.ingest.job;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The console's Data sources page as its template reads it: every value already in words. */
record DataSourcesPage(boolean canManage, String error, List<Source> sources, boolean empty) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    /** One connection: its streams, its schedule, its latest fetch and the forms that change them. */
    record Source(String connection, String kind, String site, boolean confluence, int everyMinutes, boolean paused,
            String nextRun, List<StreamRow> streams, Progress fetch, List<String> choices, String defaultFrom,
            String defaultTo, boolean canManage) {
    }

    record StreamRow(String name, String source, String lastRun, String nextRun, String lag, long records,
            String lastError) {
    }

    /** A job's progress bar; {@code open} keeps the fragment polling itself. */
    record Progress(String id, String state, int percent, long records, long pages, String reached, String error,
            boolean open, boolean canCancel) {

        static Progress of(JobView job, boolean canManage) {
            return new Progress(job.id(), job.state(), job.progress(), job.records(), job.pages(),
                    job.reachedAt() == null ? "—" : WHEN.format(job.reachedAt()), job.error(), job.open(),
                    job.open() && canManage);
        }
    }

    static DataSourcesPage of(List<DataSources.DataSource> sources, boolean canManage, String error, Instant now) {
        List<Source> rows = sources.stream().map(source -> source(source, canManage, now)).toList();
        return new DataSourcesPage(canManage, error, rows, rows.isEmpty());
    }

    private static Source source(DataSources.DataSource source, boolean canManage, Instant now) {
        List<StreamRow> streams = source.streams().stream().map(stream -> new StreamRow(stream.name(),
                stream.source(), when(stream.lastRunAt()), stream.nextRunAt() == null ? "paused" : when(stream.nextRunAt()),
                lag(stream.lagSeconds()), stream.records(), stream.lastError())).toList();
        return new Source(source.connection(), source.kind(), source.site(), source.confluence(),
                source.schedule().everyMinutes(), source.schedule().paused(),
                source.schedule().nextRunAt() == null ? "paused" : when(source.schedule().nextRunAt()), streams,
                source.fetch() == null ? null : Progress.of(source.fetch(), canManage),
                source.streams().stream().map(DataSources.StreamView::name).toList(),
                DAY.format(now.minus(Duration.ofDays(7))), DAY.format(now), canManage);
    }

    static String when(Instant instant) {
        return instant == null ? "never" : WHEN.format(instant);
    }

    static String lag(Long seconds) {
        if (seconds == null) {
            return "not read yet";
        }
        if (seconds < 3600) {
            return Math.max(0, seconds / 60) + " min";
        }
        return seconds < 172_800 ? seconds / 3600 + " h" : seconds / 86_400 + " days";
    }
}
