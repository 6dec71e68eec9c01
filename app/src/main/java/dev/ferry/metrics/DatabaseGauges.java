package dev.ferry.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The gauges read from the database on scrape ({@link DatabaseReadings}): backlog depth and the age of the oldest
 * due row per queue, connections needing a person to reconnect, and each ingest checkpoint's lag. The lags' tags
 * follow the connections there are: a new reading re-registers them, so a removed connection's series ends.
 */
@Component
class DatabaseGauges implements MeterBinder {

    static final String QUEUE_DEPTH = "ferry.queue.depth";
    static final String QUEUE_OLDEST_DUE = "ferry.queue.oldest.due.age";
    static final String RECONNECT_NEEDED = "ferry.connections.reconnect.needed";
    static final String INGEST_LAG = "ferry.ingest.lag";

    private final DatabaseReadings readings;
    private MultiGauge lags;
    private Reading last;
    private Set<Reading.Lag> lagKeys = Set.of();

    DatabaseGauges(DatabaseReadings readings) {
        this.readings = readings;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Backlog backlog : Backlog.values()) {
            gauge(QUEUE_DEPTH, "Open rows of a backlog (the database's, the same on every node)", null,
                    reading -> reading.depth(backlog)).tag("queue", backlog.label).register(registry);
            gauge(QUEUE_OLDEST_DUE, "How long the oldest due row of a backlog has waited", "seconds",
                    reading -> reading.oldestDue(backlog)).tag("queue", backlog.label).register(registry);
        }
        for (String reason : Reading.REASONS) {
            gauge(RECONNECT_NEEDED, "Connections Jira refuses until a person reconnects or reinstalls", null,
                    reading -> reading.reconnect(reason)).tag("reason", reason).register(registry);
        }
        lags = MultiGauge.builder(INGEST_LAG).description("How far behind now an ingest checkpoint is")
                .baseUnit("seconds").register(registry);
    }

    private Gauge.Builder<DatabaseGauges> gauge(String name, String description, String unit,
            ToDoubleFunction<Reading> value) {
        return Gauge.builder(name, this, gauges -> value.applyAsDouble(gauges.reading())).description(description)
                .baseUnit(unit);
    }

    /** The current reading; one whose checkpoints differ from the last renews the lag series. */
    private synchronized Reading reading() {
        Reading reading = readings.current();
        if (reading != last && lags != null) {
            last = reading;
            Set<Reading.Lag> keys = reading.lags().stream().map(Reading.Lag::key).collect(Collectors.toSet());
            if (!keys.equals(lagKeys)) {
                lagKeys = keys;
                lags.register(keys.stream().map(key -> MultiGauge.Row.of(Tags.of("source", key.source(),
                        "connection", key.connection(), "stream", key.stream()), this, gauges -> gauges.lag(key)))
                        .toList(), true);
            }
        }
        return reading;
    }

    /** A checkpoint's lag in the current reading; NaN once it is gone (its series goes at the next renewal). */
    private double lag(Reading.Lag key) {
        return reading().lags().stream().filter(lag -> lag.key().equals(key)).mapToDouble(Reading.Lag::seconds)
                .findFirst().orElse(Double.NaN);
    }
}
