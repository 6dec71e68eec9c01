package dev.ferry.destination;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.template.DescriptionFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the audit log says a rule save changed. */
class RuleChangesTest {

    static final RuleSettings GUARDRAIL = new RuleSettings(true, "Bug", "High", "[Guardrail] {{experimentName}}",
            DescriptionFormat.ADF, null, List.of("incident"));

    @Test
    void onlyTheChangedFieldsAreListedBeforeAndAfter() {
        RuleSettings after = new RuleSettings(false, "Bug", "High", "Guardrail on {{experimentName}}",
                DescriptionFormat.ADF, "", List.of("incident", "ferry"));

        assertThat(RuleChanges.between(GUARDRAIL, after)).isEqualTo("Files tickets: \"yes\" → \"no\"; "
                + "Summary template: \"[Guardrail] {{experimentName}}\" → \"Guardrail on {{experimentName}}\"; "
                + "Labels: \"incident\" → \"incident, ferry\"");
    }

    @Test
    void aSaveThatChangesNothingSaysSo() {
        assertThat(RuleChanges.between(GUARDRAIL, GUARDRAIL)).isEqualTo("Saved without changes");
    }

    @Test
    void aNewRuleListsEveryField() {
        assertThat(RuleChanges.between(null, GUARDRAIL)).startsWith("Files tickets: \"yes\"; Issue type: \"Bug\"")
                .contains("Description template: \"(default)\"").doesNotContain("→");
    }

    @Test
    void aLongTemplateIsShortened() {
        RuleSettings after = new RuleSettings(true, "Bug", "High", "[Guardrail] {{experimentName}}",
                DescriptionFormat.TEXT, "x".repeat(5000), List.of("incident"));

        assertThat(RuleChanges.between(GUARDRAIL, after)).hasSizeLessThan(800).contains("…")
                .contains("Description format: \"ADF\" → \"TEXT\"");
    }
}
