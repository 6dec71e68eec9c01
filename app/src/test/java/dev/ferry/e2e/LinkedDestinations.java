package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.simulator.JiraSimulator;
import dev.ferry.support.ConfigurePageVisit;

/**
 * The one place end-to-end tests of the admin UI get a site linked to an organization: the simulated site
 * installs Ferry, then the organization links it. How linking is confirmed may change; only this changes then.
 */
final class LinkedDestinations {

    private LinkedDestinations() {
    }

    /**
     * Installs Ferry on the simulated site (again: each test starts from an empty database) and links it to
     * the API's organization; answers the clientKey.
     */
    static String linkSite(JiraSimulator jira, ProductApi api, String ferry) {
        assertThat(jira.site().install(ferry).status()).isEqualTo(204);
        String clientKey = jira.site().identity().clientKey();
        ProductApi.Reply linked = api.post("/api/v1/sites", "{\"site\":\"" + clientKey + "\"}");
        assertThat(linked.status()).as(linked.body()).isIn(200, 202);
        if (linked.status() == 202) {
            // The link waits for the site's Jira administrator, who confirms it on Ferry's configure page.
            assertThat(ConfigurePageVisit.confirmEveryRequest(jira.site().configurePageUrl())).isEqualTo(1);
        }
        return clientKey;
    }

    /** A linked site and a destination for {@code projectKey} on it; answers the destination's id. */
    static String create(JiraSimulator jira, ProductApi api, String ferry, String projectKey) {
        String clientKey = linkSite(jira, api, ferry);
        ProductApi.Reply created = api.post("/api/v1/destinations",
                "{\"site\":\"" + clientKey + "\",\"projectKey\":\"" + projectKey + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }
}
