package dev.ferry.ingest.confluence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.connection.ConnectionStore;
import dev.ferry.connection.ConnectionTargets;
import dev.ferry.ingest.ActivityStore;
import dev.ferry.ingest.ActivityStream;
import dev.ferry.ingest.IngestTarget;
import dev.ferry.ingest.StreamPage;
import dev.ferry.ingest.TimeWindow;
import dev.ferry.jira.ConfluenceReads;
import dev.ferry.jira.JiraException;
import dev.ferry.simulator.RecordedCall;
import dev.ferry.simulator.fault.Fault;
import dev.ferry.simulator.rest.ConfluenceData;
import dev.ferry.simulator.rest.ConfluenceDataset;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.Organizations;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Confluence streams read a window of the simulated site page by page over an API-token connection, and what
 * the store keeps is exactly what people did in it: across a restart, an edit made while reading, a record read
 * twice, and with Confluence's own credentials.
 */
@FerryIntegrationTest
class ConfluenceStreamsTest {

    /** Listing pages of 20: a small site still takes many pages. */
    static final int PAGE_SIZE = 20;
    static final TimeWindow WINDOW = new TimeWindow(SimulatedConfluence.NOW.minus(Duration.ofDays(60)),
            SimulatedConfluence.NOW);

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    @Autowired
    ConnectionStore connections;
    @Autowired
    ConnectionTargets targets;
    @Autowired
    ActivityStore store;
    @Autowired
    ConfluenceReads reads;
    @Autowired
    Clock clock;
    @Autowired
    JdbcTemplate jdbc;

    SimulatedConfluence site;
    IngestTarget target;

    @BeforeEach
    void aSiteWithAYearOfPages() {
        site = new SimulatedConfluence();
        ConfluenceDataset.fill(site.jira.data(), 300, 16);
        target = site.connect(new Http(port), organizations, connections, targets, false);
    }

    @AfterEach
    void everyRequestFollowedTheSpec() {
        try {
            site.jira.assertNoSpecViolations();
        } finally {
            site.close();
        }
    }

    @Test
    void pagesOfAWindowAreReadPageByPageAndStoredExactly() {
        List<StreamPage> pages = readAll(pagesStream(), null);

        assertThat(pages).hasSizeGreaterThan(2);
        assertThat(stored()).isEqualTo(site.expectedPages(WINDOW)).hasSizeGreaterThan(100);
        assertThat(pages).allSatisfy(page -> assertThat(page.reached()).isAfterOrEqualTo(WINDOW.from()));
        assertThat(pages.get(0).reached()).isAfter(pages.get(1).reached());
        Map<String, Object> edited = jdbc.queryForMap("select * from activity where kind = 'PAGE_UPDATED'"
                + " and detail like '%message%' order by natural_key fetch first 1 rows only");
        String pageId = (String) edited.get("object_id");
        assertThat((String) edited.get("url")).startsWith(site.jira.baseUrl() + "/wiki/spaces/" + edited.get("container")
                + "/pages/" + pageId + "/");
        assertThat((String) edited.get("detail")).startsWith("{\"version\":").contains("\"message\":\"Edit ");
        assertThat(edited.get("object_type")).isEqualTo("page");
        // The spaces are asked once for the whole run, not per page; versions only for pages edited in the window.
        assertThat(calls("/wiki/api/v2/spaces")).isEqualTo(1);
        long editedPages = site.jira.data().confluence().pages().stream().filter(p -> p.versions().size() > 2)
                .filter(p -> WINDOW.contains(p.versions().get(p.versions().size() - 1).createdAt())).count();
        assertThat(site.jira.calls().stream().filter(c -> c.path().endsWith("/versions")).count())
                .isLessThanOrEqualTo(editedPages + 5);
        assertThat(site.jira.calls()).allSatisfy(call -> assertThat(basicUser(call)).isEqualTo(SimulatedConfluence.EMAIL));
    }

    @Test
    void footerAndInlineCommentsAreReadWithTheirPageAndSpace() {
        List<StreamPage> pages = readAll(commentsStream(), null);

        assertThat(stored()).isEqualTo(site.expectedComments(WINDOW)).hasSizeGreaterThan(30);
        assertThat(pages).hasSizeGreaterThan(2);
        List<Map<String, Object>> kinds = jdbc.queryForList("select kind, detail, url from activity");
        assertThat(kinds).anySatisfy(row -> assertThat((String) row.get("detail")).contains("\"location\":\"inline\""))
                .anySatisfy(row -> assertThat((String) row.get("detail")).contains("\"location\":\"footer\""))
                .anySatisfy(row -> assertThat(row.get("kind")).isEqualTo("PAGE_COMMENT_EDITED"))
                .allSatisfy(row -> assertThat((String) row.get("url")).contains("focusedCommentId="));
    }

    @Test
    void aRestartBetweenPagesWithTheKeptCursorLosesAndDoublesNothing() {
        StreamPage first = pagesStream().read(target, WINDOW, null);
        store.store(target, first.activities());
        StreamPage second = pagesStream().read(target, WINDOW, first.nextCursor());
        store.store(target, second.activities());
        // The node dies after storing the second page but before its cursor was kept; hours later another resumes.
        site.clock.advance(Duration.ofHours(5));
        List<StreamPage> rest = readAll(pagesStream(), first.nextCursor());

        assertThat(stored()).isEqualTo(site.expectedPages(WINDOW));
        assertThat(jdbc.queryForObject("select count(*) from activity", Integer.class))
                .isEqualTo(site.expectedPages(WINDOW).size());
        List<StreamPage> all = new ArrayList<>(List.of(first, second));
        all.addAll(rest);
        assertThat(all).allSatisfy(page -> assertThat(page.nextCursor() == null ? "" : page.nextCursor()).hasSizeLessThan(2000));
    }

    @Test
    void aPageEditedWhileReadingIsNotLostAndWhatIsReadTwiceIsStoredOnce() {
        Set<String> expected = site.expectedPages(WINDOW);
        ConfluencePagesStream stream = pagesStream();
        StreamPage first = stream.read(target, WINDOW, null);
        store.store(target, first.activities());
        Set<String> firstKeys = keys(first);
        // A page modified in the window but deeper in the listing than the first page reached is edited now: it
        // moves ahead of the cursor, so the walk alone would never see its versions in the window.
        ConfluenceData.Page moved = site.jira.data().confluence().pages().stream()
                .filter(p -> WINDOW.contains(last(p).createdAt()) && last(p).createdAt().isBefore(first.reached()))
                .findFirst().orElseThrow();
        site.clock.set(SimulatedConfluence.NOW.plus(Duration.ofMinutes(1)));
        ConfluenceDataset.editPage(site.jira.data(), "557058:late-editor", moved.id(), "after the window");

        List<StreamPage> rest = readAll(stream, first.nextCursor());

        assertThat(stored()).isEqualTo(expected).anyMatch(row -> row.startsWith("page:" + moved.id() + ":v"));
        Set<String> readAgain = new HashSet<>(firstKeys);
        readAgain.retainAll(rest.stream().flatMap(page -> keys(page).stream()).toList());
        assertThat(readAgain).as("the catch-up pass reads the old top again").isNotEmpty();
        assertThat(jdbc.queryForObject("select count(*) from activity", Integer.class)).isEqualTo(expected.size());
    }

    @Test
    void anIncrementalRunAfterOneEditCostsAHandfulOfCalls() {
        ConfluenceData.Page page = site.jira.data().confluence().pages().get(0);
        site.clock.set(SimulatedConfluence.NOW.minus(Duration.ofMinutes(5)));
        ConfluenceDataset.editPage(site.jira.data(), "557058:dana", page.id(), "");
        site.clock.set(SimulatedConfluence.NOW);
        TimeWindow window = new TimeWindow(SimulatedConfluence.NOW.minus(Duration.ofMinutes(20)), SimulatedConfluence.NOW);

        List<StreamPage> pages = readAll(pagesStream(), null, window);

        assertThat(stored()).isEqualTo(site.expectedPages(window)).hasSize(1);
        assertThat(pages.stream().mapToInt(p -> p.activities().size()).sum()).isEqualTo(1);
        assertThat(site.jira.calls()).hasSizeLessThanOrEqualTo(4);
    }

    @Test
    void separateConfluenceCredentialsAreUsedForConfluence() {
        target = site.connect(new Http(port), organizations, connections, targets, true);

        readAll(commentsStream(), null);

        assertThat(stored()).isEqualTo(site.expectedComments(WINDOW));
        assertThat(site.jira.calls()).isNotEmpty()
                .allSatisfy(call -> assertThat(basicUser(call)).isEqualTo(SimulatedConfluence.CONFLUENCE_EMAIL));
    }

    @Test
    void aRefusalFromConfluenceSurfacesAsDenied() {
        site.jira.faults().add("GET", "/wiki/api/v2/pages", Fault.forbidden(), 1);

        assertThatThrownBy(() -> pagesStream().read(target, WINDOW, null)).isInstanceOfSatisfying(JiraException.class,
                refused -> assertThat(refused.kind()).isEqualTo(JiraException.Kind.DENIED));
        assertThat(stored()).isEmpty();
    }

    /** New instances each time, as after a restart: nothing but the cursor carries over. */
    private ConfluencePagesStream pagesStream() {
        return new ConfluencePagesStream(reads, new ConfluenceSpaces(reads, clock), PAGE_SIZE);
    }

    private ConfluenceCommentsStream commentsStream() {
        return new ConfluenceCommentsStream(reads, new ConfluenceSpaces(reads, clock), PAGE_SIZE);
    }

    private List<StreamPage> readAll(ActivityStream stream, String cursor) {
        return readAll(stream, cursor, WINDOW);
    }

    /** Reads to the window's end from the cursor, storing each page as the engine does. */
    private List<StreamPage> readAll(ActivityStream stream, String cursor, TimeWindow window) {
        List<StreamPage> pages = new ArrayList<>();
        String at = cursor;
        do {
            StreamPage page = stream.read(target, window, at);
            store.store(target, page.activities());
            pages.add(page);
            at = page.nextCursor();
            assertThat(pages).as("a walk ends").hasSizeLessThan(100);
        } while (at != null);
        return pages;
    }

    private Set<String> stored() {
        Set<String> rows = new HashSet<>();
        jdbc.query("select natural_key, kind, actor_account_id, occurred_at, container, title from activity",
                rs -> {
                    rows.add(SimulatedConfluence.row(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, java.time.OffsetDateTime.class).toInstant(), rs.getString(5), rs.getString(6)));
                });
        return rows;
    }

    private static Set<String> keys(StreamPage page) {
        Set<String> keys = new HashSet<>();
        page.activities().forEach(activity -> keys.add(activity.naturalKey()));
        return keys;
    }

    private static ConfluenceData.Version last(ConfluenceData.Page page) {
        return page.versions().get(page.versions().size() - 1);
    }

    private long calls(String path) {
        return site.jira.calls().stream().filter(call -> call.path().equals(path)).count();
    }

    private static String basicUser(RecordedCall call) {
        String auth = call.header("Authorization").orElse("");
        String decoded = new String(Base64.getDecoder().decode(auth.substring("Basic ".length())), StandardCharsets.UTF_8);
        return decoded.substring(0, decoded.indexOf(':'));
    }
}
