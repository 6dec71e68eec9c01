package dev.ferry.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.FerryProperties;
import dev.ferry.simulator.JiraSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Ferry's outbound signing and the simulator's Jira-side checks, two independent implementations, agree. */
class SimulatorInteropTest {

    static final String SECRET = "a-shared-secret-of-reasonable-length-0123456789";
    static final JiraSimulator jira = JiraSimulator.start();
    static final OutboundTokens tokens = new OutboundTokens(
            new FerryProperties(URI.create("http://127.0.0.1:8080"), "ferry-for-jira"), Clock.systemUTC());
    static final HttpClient http = HttpClient.newHttpClient();

    static {
        jira.credentials().install("ferry-for-jira", SECRET);
    }

    @AfterAll
    static void stop() {
        jira.close();
    }

    @Test
    void aJiraCallSignedByFerryIsAcceptedBySimulatedJira() throws Exception {
        URI url = URI.create(jira.baseUrl() + "/rest/api/3/search/jql?jql=project%20%3D%20FERRY&fields=status,summary");
        String token = tokens.sign("GET", url, URI.create(jira.baseUrl()), SECRET);
        assertThat(get(url, token).statusCode()).isEqualTo(200);
        jira.assertNoSpecViolations();
    }

    @Test
    void aConfluenceCallSignedByFerryIsHashedWithoutTheWikiPrefixAndAccepted() throws Exception {
        URI url = URI.create(jira.baseUrl() + "/wiki/api/v2/pages?limit=25&sort=-modified-date");
        String token = tokens.sign("GET", url, URI.create(jira.baseUrl() + "/wiki"), SECRET);
        assertThat(get(url, token).statusCode()).isEqualTo(200);
    }

    @Test
    void aTamperedFerryTokenIsRefusedWith401() throws Exception {
        URI url = URI.create(jira.baseUrl() + "/rest/api/3/myself");
        String token = tokens.sign("GET", url, URI.create(jira.baseUrl()), SECRET);
        String[] parts = token.split("\\.");
        String otherClaims = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("ferry-for-jira", "ferry-for-jirb").getBytes());
        assertThat(get(url, parts[0] + "." + otherClaims + "." + parts[2]).statusCode()).isEqualTo(401);
        assertThat(get(URI.create(jira.baseUrl() + "/rest/api/3/serverInfo"), token).statusCode()).isEqualTo(401);
        assertThat(get(url, token).statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> get(URI url, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(url).header("Authorization", "JWT " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
