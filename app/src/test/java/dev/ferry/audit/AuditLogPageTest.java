package dev.ferry.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.audit.AuditLogPage.Piece;
import org.junit.jupiter.api.Test;

/** How a record's detail is cut for the page, so a long list wraps between its items and never inside a word. */
class AuditLogPageTest {

    @Test
    void aCommaListIsCutAfterEachCommaAndWrapsOnlyBetweenItems() {
        assertThat(Piece.of("name=Nightly scopes=events:write,links:read,audit:read")).containsExactly(
                new Piece("name=Nightly scopes=events:write,", false), new Piece("links:read,", true),
                new Piece("audit:read", true));
    }

    @Test
    void aDetailWithoutCommasIsOnePiece() {
        assertThat(Piece.of("destination d / rule 9")).containsExactly(new Piece("destination d / rule 9", false));
        assertThat(Piece.of("")).containsExactly(new Piece("", false));
    }
}
