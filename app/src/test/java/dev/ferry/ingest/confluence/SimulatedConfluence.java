package dev.ferry.ingest.confluence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.connection.ConnectionStore;
import dev.ferry.connection.ConnectionTargets;
import dev.ferry.connection.TokenConnection;
import dev.ferry.ingest.IngestTarget;
import dev.ferry.ingest.TimeWindow;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.simulator.rest.ConfluenceData;
import dev.ferry.support.Http;
import dev.ferry.support.Organizations;
import dev.ferry.support.SettableClock;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * A simulated site with Confluence on a clock the test moves, and an organization connected to it with an API
 * token over Ferry's HTTP API, as the streams then read it.
 */
final class SimulatedConfluence implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final String EMAIL = "Dana@acme.example";
    static final String TOKEN = "ATATT3xFfGF0-confluence-ingest-token";
    static final String CONFLUENCE_EMAIL = "wiki-reader@acme.example";
    static final String CONFLUENCE_TOKEN = "ATATT3xFfGF0-confluence-only-token";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final SettableClock clock = new SettableClock(NOW);
    final JiraSimulator jira = JiraSimulator.start(clock);

    SimulatedConfluence() {
        jira.data().accounts().add("557058:dana", EMAIL, "Dana Scully");
        jira.credentials().addApiToken(EMAIL, TOKEN);
        jira.data().accounts().add("557058:wiki-reader", CONFLUENCE_EMAIL, "Wiki Reader");
        jira.credentials().addApiToken(CONFLUENCE_EMAIL, CONFLUENCE_TOKEN);
    }

    /**
     * Connects an organization with Dana's token (Confluence at {site}/wiki with the same credentials), or with a
     * separate Confluence email and token; answers the target the streams read.
     */
    IngestTarget connect(Http http, Organizations organizations, ConnectionStore store, ConnectionTargets targets,
            boolean separateConfluence) {
        Organizations.Org org = organizations.create("Acme Wiki");
        String body = "{\"siteUrl\":\"" + jira.baseUrl() + "\",\"email\":\"" + EMAIL + "\",\"token\":\"" + TOKEN + "\""
                + (separateConfluence ? ",\"confluenceEmail\":\"" + CONFLUENCE_EMAIL + "\",\"confluenceToken\":\""
                        + CONFLUENCE_TOKEN + "\"" : "") + "}";
        HttpResponse<String> added = http.post("/api/v1/connections", body, org.auth());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        TokenConnection connection = store.find(JSON.readTree(added.body()).path("id").asString()).orElseThrow();
        jira.reset();
        return new IngestTarget(org.id(), connection.id(), targets.jira(connection).orElseThrow(),
                targets.confluence(connection));
    }

    /** The natural keys of every page version the site made in the window, with kind, actor, time and space. */
    Set<String> expectedPages(TimeWindow window) {
        Set<String> expected = new HashSet<>();
        for (ConfluenceData.Page page : jira.data().confluence().pages()) {
            for (ConfluenceData.Version version : page.versions()) {
                if (window.contains(version.createdAt())) {
                    expected.add(row("page:" + page.id() + ":v" + version.number(),
                            version.number() == 1 ? "PAGE_CREATED" : "PAGE_UPDATED", version, spaceKey(page),
                            page.title()));
                }
            }
        }
        return expected;
    }

    /** The same for every footer and inline comment version. */
    Set<String> expectedComments(TimeWindow window) {
        Set<String> expected = new HashSet<>();
        ConfluenceData confluence = jira.data().confluence();
        for (ConfluenceData.Comment comment : confluence.comments()) {
            ConfluenceData.Page page = confluence.pages().stream().filter(p -> p.id().equals(comment.pageId()))
                    .findFirst().orElseThrow();
            for (ConfluenceData.Version version : comment.versions()) {
                if (window.contains(version.createdAt())) {
                    expected.add(row("page-comment:" + comment.id() + ":v" + version.number(),
                            version.number() == 1 ? "PAGE_COMMENTED" : "PAGE_COMMENT_EDITED", version, spaceKey(page),
                            page.title()));
                }
            }
        }
        return expected;
    }

    private String spaceKey(ConfluenceData.Page page) {
        return jira.data().confluence().spaces().stream().filter(s -> s.id().equals(page.spaceId())).findFirst()
                .map(ConfluenceData.Space::key).orElse(null);
    }

    static String row(String key, String kind, ConfluenceData.Version version, String space, String title) {
        return row(key, kind, version.authorId(), version.createdAt(), space, title);
    }

    static String row(String key, String kind, String actor, Instant at, String space, String title) {
        return key + " " + kind + " " + actor + " " + at.toEpochMilli() + " " + space + " " + title;
    }

    @Override
    public void close() {
        jira.close();
    }
}
