package dev.ferry.destination;

import dev.ferry.event.EventCatalog;
import dev.ferry.event.SampleVariables;
import dev.ferry.jira.IssueType;
import dev.ferry.refusal.Refusal;
import dev.ferry.sitelink.LinkedSite;
import dev.ferry.sitelink.LinkedSites;
import dev.ferry.template.DescriptionFormat;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Prepares a destination's page: the event table, the chosen rule's editor with the project's real issue types, the preview. */
@Component
class RuleEditors {

    /** Jira's default priority scheme; a site with other priorities shows its own saved name too. */
    static final List<String> PRIORITIES = List.of("Highest", "High", "Medium", "Low", "Lowest");

    private final Destinations destinations;
    private final EventCatalog catalog;
    private final Previews previews;
    private final LinkedSites sites;
    private final Clock clock;

    RuleEditors(Destinations destinations, EventCatalog catalog, Previews previews, LinkedSites sites, Clock clock) {
        this.destinations = destinations;
        this.catalog = catalog;
        this.previews = previews;
        this.sites = sites;
        this.clock = clock;
    }

    /**
     * @param chosen the event type to edit (null or unknown: the first)
     * @param typed  what the person typed, when saving it was refused; null shows the saved rule
     */
    RulesPage page(String organizationId, Destination destination, String chosen, RuleForm typed, String error) {
        List<Map.Entry<String, Rule>> rules = destination.rules().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList();
        String editing = typed != null ? typed.eventType()
                : rules.stream().map(Map.Entry::getKey).filter(type -> type.equals(chosen)).findFirst()
                        .orElse(rules.isEmpty() ? null : rules.get(0).getKey());
        List<RulesPage.Row> rows = rules.stream()
                .map(rule -> RulesPage.Row.of(rule.getKey(), rule.getValue(), rule.getKey().equals(editing))).toList();
        String issueTypesError = null;
        List<String> issueTypes = List.of();
        try {
            issueTypes = destinations.issueTypes(destination.clientKey(), destination.projectKey()).stream()
                    .map(IssueType::name).toList();
        } catch (Refusal unavailable) {
            issueTypesError = unavailable.getMessage();
        }
        RulesPage.Editor editor = editing == null ? null
                : editor(organizationId, typed != null ? typed : RuleForm.of(editing, destination.rule(editing).orElseThrow()),
                        issueTypes);
        Optional<LinkedSite> linked = sites.find(organizationId, destination.clientKey());
        String site = linked.map(DestinationsPage::siteLabel).orElse(DestinationsPage.UNLINKED_SITE);
        return new RulesPage(destination.id(), destination.projectKey(), site,
                DestinationsPage.Row.of(destination, site, linked.isPresent()).state(),
                destination.shownState(linked.isPresent()) == DestinationState.ACTIVE,
                Banners.about(linked, destination), rows, editor, error, issueTypesError);
    }

    /** The ticket the form's templates would file, with the event type's sample values. */
    RulesPage.Preview preview(String organizationId, RuleForm form) {
        try {
            Previews.Preview preview = previews.draft(new Previews.Draft(form.eventType(), form.summaryTemplate(),
                    form.format(), form.descriptionTemplate(), new Previews.Sample(samples(organizationId,
                            form.eventType()), null, null)));
            return new RulesPage.Preview(preview.summary(), AdfText.of(preview.description()), null);
        } catch (Refusal refused) {
            return new RulesPage.Preview(null, null, refused.getMessage());
        }
    }

    private RulesPage.Editor editor(String organizationId, RuleForm form, List<String> projectTypes) {
        List<String> types = new ArrayList<>(projectTypes);
        if (form.issueType() != null && types.stream().noneMatch(form.issueType()::equalsIgnoreCase)) {
            types.add(form.issueType());
        }
        List<RulesPage.Option> typeOptions = types.stream().map(type -> new RulesPage.Option(type,
                projectTypes.contains(type) ? type : type + " (not in the project)", type.equalsIgnoreCase(form.issueType())))
                .toList();
        List<String> priorities = new ArrayList<>(PRIORITIES);
        if (!form.priority().isBlank() && !priorities.contains(form.priority())) {
            priorities.add(form.priority());
        }
        List<RulesPage.Option> priorityOptions = new ArrayList<>();
        priorityOptions.add(new RulesPage.Option("", "Jira's default", form.priority().isBlank()));
        priorities.forEach(p -> priorityOptions.add(new RulesPage.Option(p, p, p.equals(form.priority()))));
        List<RulesPage.Option> formats = List.of(
                new RulesPage.Option("TEXT", "Plain text", form.format() == DescriptionFormat.TEXT),
                new RulesPage.Option("ADF", "ADF (JSON)", form.format() == DescriptionFormat.ADF));
        String variables = catalog.find(organizationId, form.eventType())
                .map(type -> String.join(" ", type.variableNames().stream().sorted(Comparator.naturalOrder())
                        .map(name -> "{{" + name + "}}").toList())).orElse("");
        return new RulesPage.Editor(form.eventType(), form.enabled(), typeOptions, priorityOptions, form.summaryTemplate(),
                formats, form.descriptionTemplate(), form.labels(), variables, preview(organizationId, form));
    }

    private Map<String, String> samples(String organizationId, String eventType) {
        return catalog.find(organizationId, eventType)
                .map(type -> SampleVariables.of(type.variableNames(), clock.instant())).orElse(Map.of());
    }
}
