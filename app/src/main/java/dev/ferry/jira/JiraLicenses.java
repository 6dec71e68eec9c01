package dev.ferry.jira;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Reads a site's license ({@code GET /rest/api/3/instance/license}): Jira asks no permission of a Connect app or
 * an API-token user, while OAuth needs {@code read:license:jira} (or {@code manage:jira-configuration}).
 */
@Component
public class JiraLicenses {

    private final JiraCalls calls;

    JiraLicenses(JiraCalls calls) {
        this.calls = calls;
    }

    /** The site's applications and their plans; a {@link JiraException} when Jira will not say. */
    public JiraLicense of(JiraSite site) {
        URI uri = UriComponentsBuilder.fromUri(site.apiBase()).path("/rest/api/3/instance/license").build().encode()
                .toUri();
        JsonNode license = IssueBodies.JSON.readTree(calls.exchange(site, JiraRequest.get(uri)));
        List<JiraLicense.Application> applications = new ArrayList<>();
        license.path("applications").forEach(app -> applications.add(
                new JiraLicense.Application(app.path("id").asString(""), app.path("plan").asString(""))));
        return new JiraLicense(List.copyOf(applications));
    }
}
