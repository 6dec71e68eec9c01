package dev.ferry.destination;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.event.SampleVariables;
import dev.ferry.template.DescriptionFormat;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What the admin pages turn into rule settings, sample values and preview text. */
class RuleFormTest {

    @Test
    void labelsAreSplitOnCommasAndSpacesAndBlankFieldsMeanTheDefaults() {
        RuleForm form = new RuleForm("experiment.srm_failed", true, "Bug", "", "[SRM] {{experimentName}}", "TEXT", "  ",
                " investigation, srm  team-a,,");

        RuleSettings settings = form.settings();

        assertThat(settings.labels()).containsExactly("investigation", "srm", "team-a");
        assertThat(settings.priority()).as("Jira's default priority").isNull();
        assertThat(settings.descriptionTemplate()).as("the default description").isNull();
        assertThat(settings.descriptionFormat()).isEqualTo(DescriptionFormat.TEXT);
        assertThat(new RuleForm("e", true, "Bug", "High", "s", "ADF", "{}", "").format()).isEqualTo(DescriptionFormat.ADF);
    }

    @Test
    void aSavedRuleOpensInTheFormAsItIs() {
        Rule rule = Rule.from(new RuleSettings(false, "Task", null, "{{flagName}}", DescriptionFormat.ADF, null,
                List.of("a", "b")), "10001", 3, Instant.EPOCH);

        RuleForm form = RuleForm.of("flag.rule_activated", rule);

        assertThat(form).isEqualTo(new RuleForm("flag.rule_activated", false, "Task", "", "{{flagName}}", "ADF", "",
                "a, b"));
    }

    @Test
    void samplesFillEveryVariableTimesToTheSecondAndUnknownNamesSaySample() {
        var samples = SampleVariables.of(List.of("experimentName", "detectedAt", "owner"),
                Instant.parse("2026-11-25T10:00:00.123456Z"));

        assertThat(samples).containsExactly(java.util.Map.entry("experimentName", "Checkout redesign"),
                java.util.Map.entry("detectedAt", "2026-11-25T10:00:00Z"), java.util.Map.entry("owner", "sample owner"));
    }

    @Test
    void previewTextHasALinePerBlockBulletsForListItemsAndCardUrls() {
        var doc = JsonMapper.builder().build().readTree("""
                {"type":"doc","version":1,"content":[
                  {"type":"paragraph","content":[{"type":"text","text":"Error rate breached"}]},
                  {"type":"bulletList","content":[
                    {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"observed: 2.4%"}]}]},
                    {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"threshold: 1%"}]}]}]},
                  {"type":"paragraph","content":[{"type":"inlineCard","attrs":{"url":"https://exp.example/1"}}]}]}""");

        assertThat(AdfText.of(doc)).isEqualTo("Error rate breached\n• observed: 2.4%\n• threshold: 1%\nhttps://exp.example/1");
    }
}
