package dev.ferry.template;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Templates that can never render valid ADF are refused with a reason a person can act on. */
class ValidateTest {

    final TicketTemplates templates = new TicketTemplates();

    @Test
    void aValidAdfTemplateWithVariablesIsAccepted() {
        assertThatCode(() -> templates.validate(DescriptionFormat.ADF, AdfDescriptionTest.TEMPLATE)).doesNotThrowAnyException();
    }

    @Test
    void blankTemplatesAndPlainTextAreAccepted() {
        assertThatCode(() -> {
            templates.validate(DescriptionFormat.ADF, null);
            templates.validate(DescriptionFormat.TEXT, " ");
            templates.validate(DescriptionFormat.TEXT, "{{experimentName}} breached\n\n{{#resultsUrl}}see {{resultsUrl}}{{/resultsUrl}}");
        }).doesNotThrowAnyException();
    }

    @Test
    void adfThatIsNotJsonIsRefusedWithThePosition() {
        assertThatThrownBy(() -> templates.validate(DescriptionFormat.ADF, "{\"version\":1,\n\"type\":doc}"))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageStartingWith("not JSON (line 2");
    }

    @Test
    void jsonThatIsNotADocIsRefused() {
        assertThatThrownBy(() -> templates.validate(DescriptionFormat.ADF, "[1]"))
                .isInstanceOf(InvalidTemplateException.class).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> templates.validate(DescriptionFormat.ADF, "{\"version\":1,\"type\":\"paragraph\"}"))
                .isInstanceOf(InvalidTemplateException.class).hasMessage("$.type: an ADF document must have \"type\": \"doc\"");
        assertThatThrownBy(() -> templates.validate(DescriptionFormat.ADF, "{\"version\":2,\"type\":\"doc\",\"content\":[]}"))
                .isInstanceOf(InvalidTemplateException.class).hasMessageStartingWith("$.version");
    }

    @Test
    void aHeadingWithoutLevelIsRefusedNamingTheLocationAndRule() {
        String template = """
                {"version":1,"type":"doc","content":[
                  {"type":"heading","content":[{"type":"text","text":"{{experimentName}}"}]}]}""";

        assertThatThrownBy(() -> templates.validate(DescriptionFormat.ADF, template))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessage("$.content[0]: heading requires attrs.level");
    }

    @Test
    void aHeadingWithAttrsButNoLevelIsRefusedTheSameWay() {
        String template = """
                {"version":1,"type":"doc","content":[{"type":"heading","attrs":{},"content":[]}]}""";

        assertThatThrownBy(() -> templates.validate(DescriptionFormat.ADF, template))
                .hasMessage("$.content[0]: heading requires attrs.level");
    }

    @Test
    void anUnknownNodeTypeIsRefusedNamingTheType() {
        String template = """
                {"version":1,"type":"doc","content":[{"type":"paragraph","content":[{"type":"sparkle"}]}]}""";

        assertThatThrownBy(() -> templates.validate(DescriptionFormat.ADF, template))
                .hasMessage("$.content[0].content[0]: 'sparkle' is not a node type allowed here");
    }

    @Test
    void anUnknownMarkIsRefusedNamingTheMark() {
        String template = """
                {"version":1,"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"a","marks":[{"type":"bold"}]}]}]}""";

        assertThatThrownBy(() -> templates.validate(DescriptionFormat.ADF, template))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessage("$.content[0].content[0].marks[0]: 'bold' is not a mark allowed here");
    }

    @Test
    void aHeadingLevelOutOfRangeIsRefusedNamingTheAttribute() {
        String template = """
                {"version":1,"type":"doc","content":[{"type":"heading","attrs":{"level":9},"content":[]}]}""";

        assertThatThrownBy(() -> templates.validate(DescriptionFormat.ADF, template))
                .hasMessage("$.content[0]: heading attrs.level must have a maximum value of 6");
    }

    @Test
    void anEmptyListIsRefused() {
        String template = """
                {"version":1,"type":"doc","content":[{"type":"bulletList","content":[]}]}""";

        assertThatThrownBy(() -> templates.validate(DescriptionFormat.ADF, template))
                .hasMessage("$.content[0]: bulletList content must have at least 1 items but found 0");
    }

    @Test
    void badMustacheIsRefusedInTextAndInsideAdfStrings() {
        assertThatThrownBy(() -> templates.validate(DescriptionFormat.TEXT, "Breach {{#experimentName}} unclosed"))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageStartingWith("template: ");
        String adf = """
                {"version":1,"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"{{#a}}x"}]}]}""";
        assertThatThrownBy(() -> templates.validate(DescriptionFormat.ADF, adf))
                .isInstanceOf(InvalidTemplateException.class)
                .hasMessageStartingWith("$.content[0].content[0].text: ");
    }
}
