package dev.ferry.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.simulator.rest.Project;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The site's project search, which an app pages through, and the issue pages a person opens in a browser. */
class SimulatedBrowsingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static JiraSimulator jira;

    @BeforeAll
    static void start() {
        jira = JiraSimulator.start();
        jira.credentials().addApiToken("bot@example.com", "token-1");
    }

    @AfterAll
    static void stop() {
        jira.close();
    }

    @Test
    void projectSearchPagesByKeyAndSaysWhichPageIsTheLast() throws Exception {
        jira.data().addProject("10002", "ALPHA", "Alpha", List.of(new Project.IssueType("10001", "Task", false)));
        JsonNode first = JSON.readTree(basic("/rest/api/3/project/search?startAt=0&maxResults=2&action=create").body());
        assertThat(first.path("values")).extracting(project -> project.path("key").asText())
                .containsExactly("ALPHA", "FERRY");
        assertThat(first.path("isLast").asBoolean()).isFalse();
        assertThat(first.path("total").asInt()).isEqualTo(3);
        assertThat(first.path("nextPage").asText()).endsWith("startAt=2&maxResults=2");
        JsonNode last = JSON.readTree(basic("/rest/api/3/project/search?startAt=2&maxResults=2").body());
        assertThat(last.path("values")).extracting(project -> project.path("name").asText()).containsExactly("Operations");
        assertThat(last.path("isLast").asBoolean()).isTrue();
        assertThat(basic("/rest/api/3/project/search").statusCode()).isEqualTo(200);
        jira.assertNoSpecViolations();
        jira.data().removeProject("ALPHA");
    }

    @Test
    void anIssuePageShowsItsFieldsDescriptionAndCommentsToAnyBrowser() throws Exception {
        String key = jira.admin().createIssue("FERRY", "Bug", "Checkout <b>breaks</b>");
        jira.admin().comment(key, "Looking into it");
        HttpResponse<String> page = browse("/browse/" + key);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("<span id=\"key\">" + key + "</span>")
                .contains("Checkout &lt;b&gt;breaks&lt;/b&gt;").contains("<dd id=\"type\">Bug</dd>")
                .contains("<dd id=\"status\">To Do</dd>").contains("Looking into it").doesNotContain("<b>breaks");
        assertThat(browse("/browse").body()).contains("href=\"/browse/" + key + "\"");
        assertThat(jira.calls()).as("a browser is not the app").isEmpty();

        jira.data().deleteIssue(key);
        assertThat(browse("/browse/" + key).statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> browse(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(jira.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> basic(String pathAndQuery) throws Exception {
        return SiteRequests.basic(jira, "GET", pathAndQuery, null);
    }
}
