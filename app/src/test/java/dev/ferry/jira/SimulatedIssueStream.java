package dev.ferry.jira;

import dev.ferry.ingest.Activity;
import dev.ferry.ingest.ActivityKind;
import dev.ferry.ingest.ActivitySource;
import dev.ferry.ingest.ActivityStream;
import dev.ferry.ingest.IngestTarget;
import dev.ferry.ingest.NaturalKeys;
import dev.ferry.ingest.StreamPage;
import dev.ferry.ingest.TimeWindow;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stream for the engine's tests, reading the simulated site for real through the one Jira client's calls
 * (its rate gate, retries and error mapping): the issues of {@link #project}, {@link #PAGE} per page by
 * enhanced JQL search, each an "issue created" activity when it was created in the window. It stands in for
 * the real streams so the engine's tests do not depend on how those read Jira.
 */
@Component
public class SimulatedIssueStream implements ActivityStream {

    public static final String NAME = "test-jira-issues";
    public static final int PAGE = 2;
    /** The project read: a test files its issues in a project of its own, since the site's data outlives a test. */
    public static volatile String project = "FERRY";
    private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final JiraCalls calls;

    SimulatedIssueStream(JiraCalls calls) {
        this.calls = calls;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ActivitySource source() {
        return ActivitySource.JIRA;
    }

    @Override
    public StreamPage read(IngestTarget target, TimeWindow window, String cursor) {
        ObjectNode body = IssueBodies.JSON.createObjectNode().put("jql", "project = " + project).put("maxResults", PAGE);
        body.putArray("fields").add("created").add("summary").add("reporter").add("project");
        if (cursor != null) {
            body.put("nextPageToken", cursor);
        }
        URI uri = UriComponentsBuilder.fromUri(target.jira().apiBase()).path("/rest/api/3/search/jql").build().toUri();
        JsonNode page = calls.json(target.jira(), JiraRequest.idempotentPost(uri, IssueBodies.JSON.writeValueAsString(body)));
        List<Activity> found = new ArrayList<>();
        Instant reached = null;
        for (JsonNode issue : page.path("issues")) {
            JsonNode fields = issue.path("fields");
            Instant created = OffsetDateTime.parse(fields.path("created").asString(), JIRA_TIME).toInstant();
            reached = created;
            if (window.contains(created)) {
                // A key of its own: the real jira-issues stream stores the same issues' creations in the same runs.
                found.add(new Activity("test-" + NaturalKeys.issueCreated(issue.path("id").asString()), ActivityKind.ISSUE_CREATED,
                        fields.path("reporter").path("accountId").asString(null),
                        fields.path("reporter").path("displayName").asString(null), created, "issue",
                        issue.path("id").asString(), issue.path("key").asString(), fields.path("project").path("key")
                                .asString(null), fields.path("summary").asString(null), "{}",
                        target.jira().baseUrl() + "/browse/" + issue.path("key").asString()));
            }
        }
        String next = page.path("nextPageToken").asString(null);
        return new StreamPage(found, next, next == null ? window.to() : reached);
    }
}
