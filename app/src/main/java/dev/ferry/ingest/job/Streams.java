package dev.ferry.ingest.job;

import dev.ferry.ingest.ActivitySource;
import dev.ferry.ingest.ActivityStream;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Every stream this node knows (whatever beans implement {@link ActivityStream}), Jira's first, by name. */
@Component
class Streams {

    private final List<ActivityStream> all;

    Streams(List<ActivityStream> streams) {
        this.all = streams.stream().sorted(Comparator.comparing(ActivityStream::source)
                .thenComparing(ActivityStream::name)).toList();
    }

    Optional<ActivityStream> named(String name) {
        return all.stream().filter(stream -> stream.name().equals(name)).findFirst();
    }

    /** The streams a connection has: Jira's always, Confluence's when it reaches Confluence. */
    List<ActivityStream> of(boolean confluence) {
        return all.stream().filter(stream -> confluence || stream.source() != ActivitySource.CONFLUENCE).toList();
    }

    List<String> namesOf(boolean confluence) {
        return of(confluence).stream().map(ActivityStream::name).toList();
    }

    List<String> names() {
        return all.stream().map(ActivityStream::name).toList();
    }
}
