package dev.ferry.template;

import static dev.ferry.template.AdfAssertions.assertJiraAccepts;
import static dev.ferry.template.AdfAssertions.lastBlockText;
import static dev.ferry.template.AdfAssertions.texts;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Documents over Jira's limit are cut the way the simulated Jira measures them, and stay valid. */
class AdfTrimmerTest {

    @Test
    void aDocumentOneCharacterOverTheLimitIsRefusedByTheSimulatorAndCutToFit() {
        ObjectNode over = paragraphOfSize(AdfJson.MAX_CHARS + 1);

        assertThat(SimulatorAdf.problem(over)).hasValueSatisfying(problem -> assertThat(problem).contains("too long"));
        JsonNode cut = assertJiraAccepts(AdfTrimmer.fit(over, AdfJson.MAX_CHARS));
        assertThat(lastBlockText(cut)).isEqualTo(AdfTrimmer.NOTE);
    }

    @Test
    void aDocumentExactlyAtTheLimitIsKeptWhole() {
        ObjectNode exact = paragraphOfSize(AdfJson.MAX_CHARS);

        assertThat(AdfTrimmer.fit(exact, AdfJson.MAX_CHARS)).isSameAs(exact);
        assertJiraAccepts(exact);
    }

    @Test
    void escapedCharactersAndSurrogatePairsAreCountedAsJiraCountsThemAndNeverSplit() {
        ObjectNode over = AdfNodes.doc(List.of(AdfNodes.paragraph("😀\"\n\u0001".repeat(3_000))));

        JsonNode cut = assertJiraAccepts(AdfTrimmer.fit(over, AdfJson.MAX_CHARS));

        String kept = texts(cut).get(0);
        assertThat(kept.codePoints().filter(c -> c == 0xFFFD).count()).isZero();
        assertThat(Character.isHighSurrogate(kept.charAt(kept.length() - 1))).isFalse();
        assertThat(AdfJson.size(cut)).isGreaterThan(AdfJson.MAX_CHARS - 20);
    }

    @Test
    void trailingBlocksThatDoNotFitAreDroppedWhole() {
        ObjectNode doc = AdfNodes.doc(List.of(AdfNodes.paragraph("first"), AdfNodes.paragraph("x".repeat(40_000)),
                AdfNodes.paragraph("never kept")));

        JsonNode cut = assertJiraAccepts(AdfTrimmer.fit(doc, AdfJson.MAX_CHARS));

        assertThat(texts(cut)).hasSize(3).startsWith("first").doesNotContain("never kept");
    }

    /** One paragraph of letters whose compact JSON is exactly {@code size} characters. */
    private static ObjectNode paragraphOfSize(int size) {
        int overhead = AdfJson.size(AdfNodes.doc(List.of(AdfNodes.paragraph("a")))) - 1;
        return AdfNodes.doc(List.of(AdfNodes.paragraph("a".repeat(size - overhead))));
    }
}
