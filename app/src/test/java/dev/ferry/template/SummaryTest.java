package dev.ferry.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Summaries are one line Jira accepts, whatever the variables hold. */
class SummaryTest {

    final TicketTemplates templates = new TicketTemplates();

    @Test
    void variablesAreSubstitutedAndUnknownOnesRenderEmpty() {
        String summary = templates.summary("[Guardrail] {{guardrailMetric}} breached on {{experimentName}}{{nope}}",
                Map.of("guardrailMetric", "error rate", "experimentName", "Checkout"));

        assertThat(summary).isEqualTo("[Guardrail] error rate breached on Checkout");
    }

    @Test
    void valuesAreNotHtmlEscaped() {
        assertThat(templates.summary("{{v}}", Map.of("v", "<b>&\"'"))).isEqualTo("<b>&\"'");
    }

    @Test
    void whitespaceRunsAndNewlinesCollapseIntoSingleSpacesAndTheEndsAreTrimmed() {
        String summary = templates.summary("  {{a}} \n\n {{b}}\t\u00a0end \r\n", Map.of("a", "one\ntwo", "b", "x\u0000y"));

        assertThat(summary).isEqualTo("one two x y end");
    }

    @Test
    void aLongSummaryIsCutTo255CharactersEndingWithAnEllipsis() {
        String summary = templates.summary("{{v}}", Map.of("v", "a".repeat(300)));

        assertThat(summary).hasSize(255).endsWith("…").startsWith("aaa");
    }

    @Test
    void theCutNeverSplitsASurrogatePair() {
        String summary = templates.summary("{{v}}", Map.of("v", "a" + "😀".repeat(200)));

        assertThat(summary.length()).isLessThanOrEqualTo(255);
        assertThat(summary).endsWith("😀…");
    }

    @Test
    void aSummaryOf255CharactersIsKeptWhole() {
        assertThat(templates.summary("{{v}}", Map.of("v", "b".repeat(255)))).isEqualTo("b".repeat(255));
    }

    @Test
    void aTemplateOfOnlyUnknownVariablesGivesAnEmptySummary() {
        assertThat(templates.summary(" {{missing}} ", Map.of())).isEmpty();
        assertThat(templates.summary(null, Map.of())).isEmpty();
    }

    @Test
    void aValueHoldingMustacheIsNotRenderedAgain() {
        assertThat(templates.summary("{{a}}", Map.of("a", "{{b}}", "b", "no"))).isEqualTo("{{b}}");
    }

    @Test
    void validateSummaryRefusesAnUnclosedSectionAndAcceptsVariables() {
        templates.validateSummary("[SRM] Sample-ratio mismatch on {{experimentName}}");

        assertThatThrownBy(() -> templates.validateSummary("{{#a}} never closed"))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageStartingWith("summary: ");
    }

    @Test
    void partialsAreRefusedSoATemplateCannotReadFiles() {
        assertThatThrownBy(() -> templates.validateSummary("{{> /etc/passwd}}"))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining("partials");
    }
}
