package dev.ferry.jira;

import dev.ferry.ingest.ActivitySource;
import dev.ferry.ingest.ActivityStream;
import dev.ferry.ingest.IngestTarget;
import dev.ferry.ingest.StreamPage;
import dev.ferry.ingest.TimeWindow;
import java.net.URI;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A Confluence stream for the engine's tests: one real call to the simulated Confluence ({@code GET
 * /api/v2/spaces}) and no activity, so a connection's Confluence is exercised without depending on the real
 * streams.
 */
@Component
public class SimulatedPageStream implements ActivityStream {

    public static final String NAME = "test-confluence-spaces";

    private final JiraCalls calls;

    SimulatedPageStream(JiraCalls calls) {
        this.calls = calls;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ActivitySource source() {
        return ActivitySource.CONFLUENCE;
    }

    @Override
    public StreamPage read(IngestTarget target, TimeWindow window, String cursor) {
        var confluence = target.confluence().orElseThrow();
        URI uri = UriComponentsBuilder.fromUri(confluence.apiBase()).path("/api/v2/spaces").queryParam("limit", 1)
                .build().toUri();
        calls.json(confluence, JiraRequest.get(uri));
        return new StreamPage(List.of(), null, window.to());
    }
}
