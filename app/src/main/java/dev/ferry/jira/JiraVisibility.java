package dev.ferry.jira;

import java.net.URI;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a connection's account can see, asked cheaply: activity ingest reads only what the account may browse,
 * so "no activity" can mean "no project visible". Kept apart from {@link JiraClient}, which files and reads issues.
 */
@Component
public class JiraVisibility {

    private final JiraCalls calls;

    JiraVisibility(JiraCalls calls) {
        this.calls = calls;
    }

    /**
     * How many projects the account may browse: {@code GET /rest/api/3/project/search?maxResults=1} and its
     * {@code total}, which Jira counts over the projects the caller has Browse projects in.
     */
    public int browsableProjects(JiraSite site) {
        URI uri = UriComponentsBuilder.fromUri(site.apiBase()).path("/rest/api/3/project/search")
                .queryParam("maxResults", 1).build().encode().toUri();
        return calls.json(site, JiraRequest.get(uri)).path("total").asInt(0);
    }
}
