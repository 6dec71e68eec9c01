package dev.ferry.destination;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.event.CatalogPresets;
import dev.ferry.event.EventTypeDefinition;
import dev.ferry.jira.IssueType;
import dev.ferry.template.DescriptionFormat;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DestinationTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final List<IssueType> TASK_AND_BUG = List.of(new IssueType("1", "Task", false), new IssueType("2", "Bug", false));

    Destination destination = Destination.create("org", "site", "FERRY",
            CatalogPresets.of(CatalogPresets.EXPERIMENTATION), TASK_AND_BUG, NOW);

    @Test
    void aNewDestinationStartsFromThePresetWithIssueTypesMappedByName() {
        assertThat(destination.isActive()).isTrue();
        Rule guardrail = destination.rule("experiment.guardrail_breached").orElseThrow();
        assertThat(guardrail.issueTypeId()).isEqualTo("2");
        assertThat(guardrail.priority()).isEqualTo("High");
        assertThat(guardrail.labelList()).containsExactly("incident");
        assertThat(destination.rule("flag.rule_activated").orElseThrow().issueTypeId()).isEqualTo("1");
    }

    @Test
    void aProjectWithoutTheRulesIssueTypeAsksForARefresh() {
        Destination onlyTasks = Destination.create("org", "site", "OPS", CatalogPresets.of(CatalogPresets.EXPERIMENTATION),
                List.of(new IssueType("1", "Task", false)), NOW);
        assertThat(onlyTasks.state()).isEqualTo(DestinationState.REFRESH_ISSUE_TYPES);
        assertThat(onlyTasks.stateReason()).contains("\"Bug\"");
    }

    @Test
    void editingARuleRepairsTheDestination() {
        destination.needsRepair("Jira answered 403", NOW);
        assertThat(destination.isActive()).isFalse();
        destination.updateRule("experiment.guardrail_breached", new RuleSettings(true, "Task", "Low", "{{experimentName}}",
                DescriptionFormat.TEXT, "Figures: {{observedValue}}", List.of("x")), TASK_AND_BUG, NOW);
        assertThat(destination.isActive()).isTrue();
        Rule rule = destination.rule("experiment.guardrail_breached").orElseThrow();
        assertThat(rule.version()).isEqualTo(1);
        assertThat(rule.issueTypeId()).isEqualTo("1");
    }

    @Test
    void remappingPicksUpRenamedIssueTypesAndResumes() {
        destination.needsIssueTypes("Specify a valid issue type", NOW);
        destination.remap(List.of(new IssueType("7", "Task", false), new IssueType("8", "Bug", false)), NOW);
        assertThat(destination.isActive()).isTrue();
        assertThat(destination.rule("experiment.srm_failed").orElseThrow().issueTypeId()).isEqualTo("8");
    }

    @Test
    void theExperimentationPresetIsExactlyTheDesignTable() {
        List<EventTypeDefinition> preset = CatalogPresets.of(CatalogPresets.EXPERIMENTATION);
        assertThat(preset).extracting(EventTypeDefinition::type).containsExactly("experiment.winner_declared",
                "experiment.guardrail_breached", "experiment.srm_failed", "flag.rule_activated");
        assertThat(preset).extracting(EventTypeDefinition::summaryTemplate).containsExactly(
                "[Rollout] {{winnerVariationName}} won on {{experimentName}}",
                "[Guardrail] {{guardrailMetric}} breached on {{experimentName}}",
                "[SRM] Sample-ratio mismatch on {{experimentName}}",
                "[Flag rule live] {{ruleName}} on {{flagName}}");
        assertThat(preset).extracting(EventTypeDefinition::priority).containsExactly("Medium", "High", "High", "Low");
        assertThat(preset.get(3).variableNames()).containsExactly("flagName", "ruleName", "environment", "activatedAt",
                "activatedBy", "resultsUrl");
        assertThat(preset.get(3).requiredVariables()).doesNotContain("resultsUrl?");
    }
}
