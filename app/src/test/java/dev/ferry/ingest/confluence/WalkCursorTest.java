package dev.ferry.ingest.confluence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.ingest.TimeWindow;
import dev.ferry.jira.ConfluenceContent;
import dev.ferry.jira.ConfluenceListing;
import dev.ferry.jira.JiraException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The walk's cursor as the engine keeps it, and the steps of a walk over a listing that moves. */
class WalkCursorTest {

    static final Instant T = Instant.parse("2026-12-01T12:00:00Z");
    static final TimeWindow WINDOW = new TimeWindow(T.minusSeconds(100), T);

    @Test
    void aCursorSurvivesBeingWrittenDownWhateverConfluencesCursorHolds() {
        WalkCursor cursor = new WalkCursor("i", 2, T, T.minusSeconds(5), "eyJpZCI6MTIzfQ==;odd");

        assertThat(WalkCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(WalkCursor.decode(WalkCursor.start("p").encode())).isEqualTo(WalkCursor.start("p"));
        assertThatThrownBy(() -> WalkCursor.decode("offset:250")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theWalkStopsAtTheWindowsStartThenCatchesUpUntilNothingChanged() {
        List<ConfluenceContent> items = new ArrayList<>(List.of(item("3", 10), item("2", 50), item("1", 150)));

        NewestFirstWalk.Step main = NewestFirstWalk.step(WalkCursor.start("p"), WINDOW, after -> listing(items, null));
        assertThat(main.items()).extracting(ConfluenceContent::id).containsExactly("3", "2");
        assertThat(main.next()).isEqualTo(new WalkCursor("p", 1, null, T.minusSeconds(10), null));

        items.add(0, item("1", 1));
        NewestFirstWalk.Step catchUp = NewestFirstWalk.step(main.next(), WINDOW, after -> listing(items, null));
        assertThat(catchUp.items()).extracting(ConfluenceContent::id).containsExactly("1", "3");

        NewestFirstWalk.Step done = NewestFirstWalk.step(catchUp.next(), WINDOW, after -> listing(items, null));
        assertThat(done.items()).isEmpty();
        assertThat(done.next()).isNull();
        assertThat(done.reached()).isEqualTo(WINDOW.from());
    }

    @Test
    void aCursorConfluenceNoLongerTakesStartsThePassAgainFromTheTop() {
        List<String> asked = new ArrayList<>();
        NewestFirstWalk.Step step = NewestFirstWalk.step(new WalkCursor("p", 0, T, null, "expired"), WINDOW, after -> {
            asked.add(String.valueOf(after));
            if (after != null) {
                throw new JiraException(JiraException.Kind.INVALID, 400, "GET /wiki/api/v2/pages answered 400", null);
            }
            return listing(List.of(item("9", 20)), null);
        });

        assertThat(asked).containsExactly("expired", "null");
        assertThat(step.items()).extracting(ConfluenceContent::id).containsExactly("9");
    }

    private static ConfluenceListing listing(List<ConfluenceContent> items, String next) {
        return new ConfluenceListing(List.copyOf(items), next, "https://acme.atlassian.net/wiki");
    }

    private static ConfluenceContent item(String id, int secondsAgo) {
        Instant at = T.minusSeconds(secondsAgo);
        return new ConfluenceContent(id, "Page " + id, "1", null, at, "557058:ann",
                new ConfluenceContent.Version(1, at, "557058:ann", null), "/spaces/ENG/pages/" + id);
    }
}
