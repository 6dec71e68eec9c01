package dev.ferry.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The description of a ticket filed by hand: the person's plain text or ADF document, then the object's
 * context as its own marked section ("Context from …"), the whole cut to Jira's size the way rule
 * deliveries are. The context is kept whole and the person's part is what gets cut, since the context is
 * what links the ticket back to the object.
 */
public final class HandDescriptions {

    /** The heading that marks Ferry's section, followed by the organization's name. */
    public static final String CONTEXT_HEADING = "Context from ";

    private HandDescriptions() {
    }

    /**
     * What a ticket's description says of the object it is for.
     *
     * @param organizationName whose object it is, named in the section's heading
     * @param facts            the product's key facts, in the order given
     */
    public record ObjectContext(String organizationName, String type, String id, String title, String url,
            String state, Map<String, String> facts) {
    }

    /** Why Jira would refuse the document as a description, or empty when it is a valid ADF document. */
    public static Optional<String> problem(JsonNode adf) {
        try {
            AdfTemplates.checkRoot(adf);
        } catch (InvalidTemplateException e) {
            return Optional.of(e.getMessage());
        }
        return AdfSchema.shared().problem(adf);
    }

    /**
     * The description to send: {@code text} (plain text) or {@code adf} (a valid document), either may be
     * null, then the context section; within Jira's limit and valid ADF.
     */
    public static JsonNode compose(String text, JsonNode adf, ObjectContext context) {
        List<ObjectNode> section = section(context);
        ObjectNode own = own(text, adf);
        int budget = AdfJson.MAX_CHARS - AdfJson.size(AdfNodes.doc(section)) - 1;
        List<JsonNode> blocks = new ArrayList<>();
        if (!own.path("content").isEmpty()) {
            AdfTrimmer.fit(own, Math.max(budget, 0)).path("content").forEach(blocks::add);
        }
        blocks.addAll(section);
        ObjectNode fitted = AdfTrimmer.fit(AdfNodes.doc(blocks), AdfJson.MAX_CHARS);
        if (AdfSchema.shared().isValid(fitted)) {
            return fitted;
        }
        ObjectNode fallback = AdfTrimmer.fit(AdfNodes.doc(section), AdfJson.MAX_CHARS);
        return AdfSchema.shared().isValid(fallback) ? fallback
                : AdfNodes.doc(List.of(AdfNodes.paragraph(AdfTrimmer.NOTE)));
    }

    /** The object's context: a rule, the marked heading, then type, id, title, link, state and the facts. */
    static List<ObjectNode> section(ObjectContext context) {
        List<ObjectNode> items = new ArrayList<>();
        item(items, "Type", context.type());
        item(items, "Id", context.id());
        item(items, "Title", context.title());
        if (AdfNodes.isWebUrl(context.url())) {
            items.add(AdfNodes.paragraph(List.of(AdfNodes.strong("Link: "), AdfNodes.inlineCard(context.url().strip()))));
        }
        item(items, "State", context.state());
        if (context.facts() != null) {
            context.facts().forEach((name, value) -> item(items, name == null || name.isBlank() ? "?" : name, value));
        }
        List<ObjectNode> section = new ArrayList<>();
        section.add(JsonNodeFactory.instance.objectNode().put("type", "rule"));
        section.add(heading(CONTEXT_HEADING + orDefault(context.organizationName(), "the product")));
        section.add(AdfNodes.bulletList(items));
        return section;
    }

    private static ObjectNode own(String text, JsonNode adf) {
        if (adf != null && adf.isObject()) {
            ObjectNode copy = (ObjectNode) adf.deepCopy();
            AdfCleaner.clean(copy);
            return copy;
        }
        return AdfNodes.doc(text == null ? List.of() : PlainTextAdf.paragraphs(text));
    }

    private static void item(List<ObjectNode> items, String name, String value) {
        if (value != null && !value.isBlank()) {
            items.add(AdfNodes.paragraph(List.of(AdfNodes.strong(name + ": "), AdfNodes.text(value))));
        }
    }

    private static ObjectNode heading(String text) {
        ObjectNode heading = AdfNodes.paragraph(text).put("type", "heading");
        heading.putObject("attrs").put("level", 3);
        return heading;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
