package dev.ferry.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.simulator.rest.ConfluenceDataset;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Simulated Confluence Cloud: spaces, pages and comments with versions, cursor paging and CQL search. */
class SimulatedConfluenceTest {

    /** HTTP/1.1: over cleartext the default HTTP/2 client tries an h2c upgrade, which a loaded simulator may drop. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();


    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private JiraSimulator jira;

    @BeforeEach
    void start() {
        jira = JiraSimulator.start(Clock.fixed(NOW, ZoneOffset.UTC));
        jira.credentials().addBearerToken("system-token", "app-account");
    }

    @AfterEach
    void stop() {
        jira.assertNoSpecViolations();
        jira.close();
    }

    @Test
    void theBulkDatasetIsTheSameForTheSameSeedAndSpreadOverAYear() throws Exception {
        ConfluenceDataset.fill(jira.data(), 300, 42);
        JiraSimulator other = JiraSimulator.start(Clock.fixed(NOW, ZoneOffset.UTC));
        try {
            other.credentials().addBearerToken("system-token", "app-account");
            ConfluenceDataset.fill(other.data(), 300, 42);
            assertThat(get("/wiki/api/v2/pages?sort=-modified-date&limit=250").path("results"))
                    .isEqualTo(JSON.readTree(HTTP.send(bearer(other.baseUrl()
                            + "/wiki/api/v2/pages?sort=-modified-date&limit=250"), HttpResponse.BodyHandlers.ofString())
                            .body()).path("results"));
        } finally {
            other.close();
        }
        List<JsonNode> pages = walk("/wiki/api/v2/pages?sort=-modified-date&limit=250");
        assertThat(pages).hasSize(300);
        Set<String> authors = new HashSet<>();
        Instant previous = NOW;
        for (JsonNode page : pages) {
            Instant modified = Instant.parse(page.path("version").path("createdAt").asText());
            assertThat(modified).isBefore(NOW).isAfter(NOW.minusSeconds(366L * 24 * 3600)).isBeforeOrEqualTo(previous);
            previous = modified;
            authors.add(page.path("version").path("authorId").asText());
            assertThat(page.path("version").path("number").asInt()).isBetween(1, 5);
            assertThat(page.path("_links").path("webui").asText()).startsWith("/spaces/").contains("/pages/" + page.path("id").asText());
        }
        assertThat(authors).hasSizeGreaterThan(5);
        assertThat(walk("/wiki/api/v2/footer-comments?sort=-modified-date&limit=100")).isNotEmpty()
                .allSatisfy(comment -> assertThat(comment.path("pageId").asText()).isNotEmpty());
        assertThat(walk("/wiki/api/v2/inline-comments?limit=100")).isNotEmpty();
        assertThat(walk("/wiki/api/v2/spaces?limit=2")).extracting(space -> space.path("key").asText())
                .contains("ENG", "OPS", "DOCS", "PM", "SUP");
    }

    @Test
    void aPageKeepsItsVersionsAndAnEditMovesItToTheFront() throws Exception {
        String first = jira.data().confluence().addPage("98306", "Release plan", "557058:ann", NOW.minusSeconds(60)).id();
        String second = jira.data().confluence().addPage("98307", "Runbook", "557058:bob", NOW.minusSeconds(30)).id();
        assertThat(ConfluenceDataset.editPage(jira.data(), "557058:bob", first, "typos")).isEqualTo(2);

        JsonNode page = get("/wiki/api/v2/pages?sort=-modified-date&limit=1").path("results").get(0);
        assertThat(page.path("id").asText()).isEqualTo(first);
        assertThat(page.path("version").path("number").asInt()).isEqualTo(2);
        assertThat(page.path("version").path("authorId").asText()).isEqualTo("557058:bob");
        assertThat(page.path("version").path("message").asText()).isEqualTo("typos");
        JsonNode versions = get("/wiki/api/v2/pages/" + first + "/versions").path("results");
        assertThat(versions).extracting(v -> v.path("number").asInt()).containsExactly(2, 1);
        assertThat(versions.get(1).path("authorId").asText()).isEqualTo("557058:ann");
        String opsId = get("/wiki/api/v2/spaces?keys=OPS").path("results").get(0).path("id").asText();
        assertThat(get("/wiki/api/v2/pages?space-id=" + opsId).path("results")).extracting(p -> p.path("id").asText())
                .containsExactly(second);
        assertThat(get("/wiki/api/v2/pages?id=" + first + "&id=" + second).path("results")).hasSize(2);
    }

    @Test
    void aKeysetCursorSkipsNothingWhenAPageMovesAheadOfIt() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(jira.data().confluence().addPage("98306", "P" + i, "557058:ann", NOW.minusSeconds(100 - i)).id());
        }
        JsonNode firstPage = get("/wiki/api/v2/pages?sort=-modified-date&limit=2");
        ConfluenceDataset.editPage(jira.data(), "557058:ann", ids.get(0), "");
        JsonNode rest = get(firstPage.path("_links").path("next").asText());
        assertThat(rest.path("results")).extracting(p -> p.path("id").asText()).containsExactly(ids.get(1));
        assertThat(get("/wiki/api/v2/pages?cursor=not-a-cursor").path("errors").get(0).path("status").asInt()).isEqualTo(400);
    }

    @Test
    void commentsHaveVersionsAndAreListedPerPage() throws Exception {
        String page = ConfluenceDataset.createPage(jira.data(), "557058:ann", "ENG", "Design");
        String footer = ConfluenceDataset.footerComment(jira.data(), "557058:bob", page);
        String inline = ConfluenceDataset.inlineComment(jira.data(), "557058:cy", page);
        ConfluenceDataset.editComment(jira.data(), "557058:bob", footer);

        JsonNode footers = get("/wiki/api/v2/pages/" + page + "/footer-comments").path("results");
        assertThat(footers).hasSize(1);
        assertThat(footers.get(0).path("version").path("number").asInt()).isEqualTo(2);
        assertThat(get("/wiki/api/v2/pages/" + page + "/inline-comments").path("results").get(0).path("id").asText())
                .isEqualTo(inline);
        assertThat(get("/wiki/api/v2/footer-comments/" + footer + "/versions").path("results"))
                .extracting(v -> v.path("number").asInt()).containsExactly(2, 1);
        assertThat(get("/wiki/api/v2/inline-comments?sort=-modified-date").path("results").get(0).path("pageId").asText())
                .isEqualTo(page);
    }

    @Test
    void cqlFindsPagesAndCommentsByTimeSpaceAndContributorAndPagesByCursor() throws Exception {
        jira.data().confluence().addPage("98306", "Old", "557058:ann", NOW.minusSeconds(7200));
        String fresh = jira.data().confluence().addPage("98306", "Fresh", "557058:ann", NOW.minusSeconds(60)).id();
        String ops = jira.data().confluence().addPage("98307", "Ops", "557058:bob", NOW.minusSeconds(30)).id();
        String comment = ConfluenceDataset.footerComment(jira.data(), "557058:bob", fresh);

        JsonNode recent = search("type in (page, comment) and lastmodified >= \"2026/12/01 11:00\" order by lastmodified desc", 2);
        assertThat(recent.path("results")).extracting(r -> r.path("content").path("id").asText()).containsExactly(comment, ops);
        assertThat(recent.path("results").get(0).path("content").path("type").asText()).isEqualTo("comment");
        assertThat(recent.path("results").get(0).path("lastModified").asText()).isEqualTo("2026-12-01T12:00:00.000Z");
        JsonNode next = get("/wiki" + recent.path("_links").path("next").asText());
        assertThat(next.path("results")).extracting(r -> r.path("content").path("id").asText()).containsExactly(fresh);
        assertThat(search("type = page and space = OPS", 25).path("results")).hasSize(1);
        assertThat(search("type = comment and contributor = \"557058:bob\"", 25).path("results")).hasSize(1);
        assertThat(search("contributor = \"557058:ann\" and type = page order by lastmodified", 25).path("results"))
                .extracting(r -> r.path("title").asText()).containsExactly("Old", "Fresh");
        assertThat(status("/wiki/rest/api/search?cql=" + URLEncoder.encode("title ~ nonsense(", StandardCharsets.UTF_8)))
                .isEqualTo(400);
    }

    private JsonNode search(String cql, int limit) throws Exception {
        return get("/wiki/rest/api/search?limit=" + limit + "&cql=" + URLEncoder.encode(cql, StandardCharsets.UTF_8));
    }

    /** Every result of a listing, following {@code _links.next}. */
    private List<JsonNode> walk(String first) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        String next = first;
        while (next != null) {
            JsonNode page = get(next);
            page.path("results").forEach(all::add);
            next = page.path("_links").hasNonNull("next") ? page.path("_links").path("next").asText() : null;
        }
        return all;
    }

    private JsonNode get(String pathAndQuery) throws Exception {
        return JSON.readTree(HTTP.send(bearer(jira.baseUrl() + pathAndQuery),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private int status(String pathAndQuery) throws Exception {
        return HTTP.send(bearer(jira.baseUrl() + pathAndQuery), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private static HttpRequest bearer(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer system-token").GET().build();
    }
}
