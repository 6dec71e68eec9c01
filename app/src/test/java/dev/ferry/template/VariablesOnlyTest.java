package dev.ferry.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mustachejava.TemplateFunction;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A template only substitutes the event's variables: no Java runs, nothing iterates, nothing grows without bound. */
class VariablesOnlyTest {

    final TicketTemplates templates = new TicketTemplates();
    static final Map<String, String> X = Map.of("x", "abc", "other", "more");

    @ParameterizedTest
    @ValueSource(strings = {"{{x.length}}", "{{x.toUpperCase}}", "{{x.class.name}}", "{{#x.bytes}}{{.}}{{/x.bytes}}",
            "{{x.empty}}", "{{{x.length}}}", "{{&x.hashCode}}", "{{^x.empty}}no{{/x.empty}}", "{{*x}}", "{{.}}"})
    void propertyAndMethodNamesAreRefusedWhenSavedNamingTheTag(String template) {
        assertThatThrownBy(() -> templates.validateSummary("[x] " + template))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageStartingWith("summary: {{")
                .hasMessageContaining("only a variable's name may go inside the braces");
    }

    @Test
    void propertyAndMethodNamesRenderNothingWhenAnOlderRuleStillHasThem() {
        String rendered = templates.summary("[{{x.length}}|{{x.toUpperCase}}|{{x.class.name}}|{{#x.bytes}}{{.}}{{/x.bytes}}"
                + "|{{{x.length}}}|{{^x.empty}}not empty{{/x.empty}}]", X);

        assertThat(rendered).isEqualTo("[|||||not empty]");
    }

    @Test
    void aDottedNameIsALiteralKeyOfTheVariablesNeverAPath() {
        assertThat(PlainTextTemplates.render("{{a.b}}", Map.of("a.b", "literal", "a", "abc"))).isEqualTo("literal");
    }

    @Test
    void aSectionIsAConditionalAndItsValueNeverBecomesAScope() {
        assertThat(templates.summary("{{#x}}set: {{x}} {{length}}{{.}}{{bytes}}{{/x}}{{^nope}} nope unset{{/nope}}", X))
                .isEqualTo("set: abc nope unset");
        assertThat(templates.summary("{{#nope}}hidden{{/nope}}{{^x}}hidden{{/x}}shown", X)).isEqualTo("shown");
    }

    @Test
    void nestedSectionsOverALongValueRenderItOnceInsteadOfMultiplying() {
        String value = "v".repeat(400);

        String rendered = PlainTextTemplates.render("{{#x}}{{#x}}{{#x}}{{x}}{{/x}}{{/x}}{{/x}}", Map.of("x", value));
        // With reflection each level iterated over the value's bytes: 40^3 copies of it.
        String bytes = PlainTextTemplates.render("{{#x.bytes}}{{#x.bytes}}{{#x.bytes}}{{x}}{{/x.bytes}}{{/x.bytes}}{{/x.bytes}}",
                Map.of("x", value.substring(0, 40)));

        assertThat(rendered).isEqualTo(value);
        assertThat(bytes).isEmpty();
    }

    @Test
    void sectionsNestedDeeperThanTheLimitAreRefusedWhenSavedAndWhenRendered() {
        String fourDeep = "{{#x}}{{#x}}{{#x}}\n{{#x}}{{x}}{{/x}}{{/x}}{{/x}}{{/x}}";

        assertThatThrownBy(() -> templates.validateSummary(fourDeep)).isInstanceOf(TemplateLimitException.class)
                .hasMessage("summary: sections nest more than 3 deep (line 2)");
        assertThatThrownBy(() -> templates.summary(fourDeep, X)).isInstanceOf(TemplateLimitException.class)
                .hasMessage("summary: sections nest more than 3 deep (line 2)");
        assertThatThrownBy(() -> templates.description(DescriptionFormat.TEXT, fourDeep, Facts.guardrailBreach()))
                .isInstanceOf(TemplateLimitException.class).hasMessageStartingWith("description: sections nest");
    }

    @Test
    void thousandsOfNestedSectionsAreRefusedBeforeTheParserRecursesIntoThem() {
        String deep = "{{#x}}".repeat(5_000) + "{{/x}}".repeat(5_000);

        assertThatThrownBy(() -> templates.validate(DescriptionFormat.TEXT, deep)).isInstanceOf(TemplateLimitException.class)
                .hasMessage("template: sections nest more than 3 deep (line 1)");
        assertThatThrownBy(() -> templates.description(DescriptionFormat.TEXT, deep, Facts.guardrailBreach()))
                .isInstanceOf(TemplateLimitException.class);
    }

    @Test
    void aLambdaAmongTheValuesIsNeverCalledAndRendersNothing() {
        AtomicBoolean called = new AtomicBoolean();
        Map<String, Object> scope = new HashMap<>();
        scope.put("f", (Function<String, String>) text -> {
            called.set(true);
            return "ran";
        });
        scope.put("t", (TemplateFunction) text -> {
            called.set(true);
            return "{{x}}";
        });
        scope.put("x", "abc");

        assertThat(PlainTextTemplates.render("[{{#f}}body{{/f}}{{f}}{{#t}}body{{/t}}{{^f}}absent{{/f}}]", scope))
                .isEqualTo("[absent]");
        assertThat(called).isFalse();
    }

    @Test
    void changingDelimitersIsRefusedWhenSavedAndCannotReachPropertiesWhenRendered() {
        String template = "{{=<% %>=}}<% x.length %><%#x.bytes%><%.%><%/x.bytes%>";

        assertThatThrownBy(() -> templates.validateSummary(template)).isInstanceOf(InvalidTemplateException.class)
                .hasMessage("summary: changing delimiters ({{=…=}}) is not supported (line 1)");
        assertThat(templates.summary(template, X)).isEqualTo(template).doesNotContain("3", "97");
    }

    @Test
    void tripleMustacheAndAmpersandSubstituteTheValueLikeAnyVariable() {
        templates.validateSummary("{{{x}}} {{&x}} {{x}}");

        assertThat(templates.summary("{{{x}}} {{&x}} {{x}}", Map.of("x", "<b>&"))).isEqualTo("<b>& <b>& <b>&");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{%IMPLICIT-ITERATOR}}{{x}}", "{{<parent}}{{/parent}}", "{{$block}}x{{/block}}",
            "{{?x}}y{{/x}}", "{{>*x}}"})
    void pragmasInheritanceBlocksAndDynamicPartialsAreRefused(String template) {
        assertThatThrownBy(() -> templates.validateSummary(template)).isInstanceOf(InvalidTemplateException.class)
                .hasMessageContaining("not supported");
    }

    @Test
    void aTemplateOverItsLengthIsRefusedNamingTheLimit() {
        assertThatThrownBy(() -> templates.validateSummary("x".repeat(2_049))).isInstanceOf(TemplateLimitException.class)
                .hasMessage("summary: longer than 2,048 characters");
        assertThatThrownBy(() -> templates.validate(DescriptionFormat.TEXT, "x".repeat(65_537)))
                .isInstanceOf(TemplateLimitException.class).hasMessage("template: longer than 65,536 characters");
        assertThatThrownBy(() -> templates.description(DescriptionFormat.ADF, "x".repeat(65_537), Facts.guardrailBreach()))
                .isInstanceOf(TemplateLimitException.class).hasMessage("description: longer than 65,536 characters");
    }

    @Test
    void whatVariablesWriteIsCutAtTheOutputLimit() {
        String manyTags = "{{v}}".repeat(13_000);

        String rendered = PlainTextTemplates.render(manyTags, Map.of("v", "x".repeat(10_000)));

        assertThat(rendered).hasSize(TemplateLimits.MAX_DESCRIPTION_OUTPUT);
        assertThat(templates.summary(manyTags.substring(0, 2_045), Map.of("v", "y".repeat(10_000)))).hasSize(255);
    }

    @Test
    void aRenderPastItsTimeIsRefused() {
        RenderBudget spent = new RenderBudget(1_000, Duration.ofNanos(-1));

        assertThatThrownBy(() -> PlainTextTemplates.render("{{x}}", X, spent)).isInstanceOf(TemplateLimitException.class)
                .hasMessageStartingWith("took longer than");
    }

    @Test
    void theExperimentationPresetsTemplatesStillPass() {
        assertThatCode(() -> {
            templates.validateSummary("[Rollout] {{winnerVariationName}} won on {{experimentName}}");
            templates.validateSummary("[Guardrail] {{guardrailMetric}} breached on {{experimentName}}");
            templates.validate(DescriptionFormat.TEXT, "{{experimentName}}\n\n{{#resultsUrl}}see {{resultsUrl}}{{/resultsUrl}}");
        }).doesNotThrowAnyException();
        assertThat(templates.summary("[Guardrail] {{guardrailMetric}} breached on {{experimentName}}",
                Facts.guardrailBreach().variables())).isEqualTo("[Guardrail] error rate breached on Checkout button");
    }
}
