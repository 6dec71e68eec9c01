package dev.ferry.template;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/** The documents Ferry writes without a template: the default description and the "fired again" comment. */
final class EventAdf {

    static final String RESULTS_URL = "resultsUrl";

    private EventAdf() {
    }

    /** What happened, to what, when; the key figures; and a card for the results page. */
    static List<ObjectNode> defaultDescription(EventFacts facts) {
        List<ObjectNode> blocks = new ArrayList<>();
        subject(facts).ifPresent(blocks::add);
        blocks.add(AdfNodes.paragraph(List.of(AdfNodes.strong("Event: "),
                AdfNodes.text(orUnknown(facts.eventType()) + at(facts.occurredAt())))));
        blocks.addAll(figuresAndCard(facts.variables()));
        return blocks;
    }

    static List<ObjectNode> comment(EventFacts facts) {
        List<ObjectNode> blocks = new ArrayList<>();
        blocks.add(AdfNodes.paragraph(orUnknown(facts.eventType()) + " fired again" + at(facts.occurredAt())));
        blocks.addAll(figuresAndCard(facts.variables()));
        return blocks;
    }

    private static Optional<ObjectNode> subject(EventFacts facts) {
        String title = blankToNull(facts.subjectTitle());
        String url = blankToNull(facts.subjectUrl());
        boolean linkable = AdfNodes.isWebUrl(url);
        if (title == null) {
            title = linkable ? url.strip() : null;
        }
        if (title == null) {
            return Optional.empty();
        }
        return Optional.of(AdfNodes.paragraph(List.of(
                linkable ? AdfNodes.link(title, url.strip()) : AdfNodes.text(title))));
    }

    private static List<ObjectNode> figuresAndCard(Map<String, String> variables) {
        List<ObjectNode> blocks = new ArrayList<>();
        List<ObjectNode> figures = new ArrayList<>();
        (variables == null ? Map.<String, String>of() : variables).forEach((name, value) -> {
            if (!RESULTS_URL.equals(name)) {
                figures.add(figure(name, value));
            }
        });
        if (!figures.isEmpty()) {
            blocks.add(AdfNodes.bulletList(figures));
        }
        String resultsUrl = variables == null ? null : variables.get(RESULTS_URL);
        if (AdfNodes.isWebUrl(resultsUrl)) {
            blocks.add(AdfNodes.paragraph(List.of(AdfNodes.inlineCard(resultsUrl.strip()))));
        }
        return blocks;
    }

    private static ObjectNode figure(String name, String value) {
        ObjectNode label = AdfNodes.strong((name == null || name.isEmpty() ? "?" : name) + ":");
        return value == null || value.isEmpty()
                ? AdfNodes.paragraph(List.of(label))
                : AdfNodes.paragraph(List.of(label, AdfNodes.text(" " + value)));
    }

    private static String at(Instant occurredAt) {
        return occurredAt == null ? "" : " at " + occurredAt.truncatedTo(ChronoUnit.SECONDS);
    }

    private static String orUnknown(String eventType) {
        return eventType == null || eventType.isBlank() ? "An event" : eventType;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
