package dev.ferry.activity;

import dev.ferry.connection.Connections;
import dev.ferry.console.ConsolePage;
import dev.ferry.console.ConsoleView;
import dev.ferry.ingest.ActivityKind;
import dev.ferry.ingest.ActivitySource;
import dev.ferry.principal.Person;
import dev.ferry.refusal.Refusal;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Activities in the console, for every role: the API's filters (days, UTC), a page at a time by cursor, export
 * links for the same filters, and the explanation when nothing matches.
 */
@Controller
@ConsolePage(title = "Activities", nav = "activities")
class ActivitiesPages {

    static final int PAGE_SIZE = 50;

    private final ActivityFilters filters;
    private final ActivityReader reader;
    private final ActivityExport export;
    private final Explanations explanations;
    private final MappedPeople people;
    private final Connections connections;

    ActivitiesPages(ActivityFilters filters, ActivityReader reader, ActivityExport export, Explanations explanations,
            MappedPeople people, Connections connections) {
        this.filters = filters;
        this.reader = reader;
        this.export = export;
        this.explanations = explanations;
        this.people = people;
        this.connections = connections;
    }

    @GetMapping("/admin/activities")
    ModelAndView list(Person person, @RequestParam(name = "person", defaultValue = "") String who, @RequestParam(defaultValue = "") String connection,
            @RequestParam(defaultValue = "") String source, @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
            @RequestParam(defaultValue = "") String cursor) {
        ActivityParams params = new ActivityParams(who, connection, source, kind, from, to, null, cursor);
        List<ActivitiesPage.Row> rows = List.of();
        String next = null;
        String error = null;
        List<String> explanation = List.of();
        try {
            ActivityReader.Page page = reader.page(filters.parse(person.organizationId(), params), PAGE_SIZE);
            rows = page.activities().stream().map(ActivitiesPage.Row::of).toList();
            next = page.nextCursor() == null ? null : "/admin/activities?" + query(params) + "&cursor=" + enc(page.nextCursor());
            if (rows.isEmpty() && cursor.isBlank()) {
                explanation = explanations.explain(person.organizationId(), params).causes().stream()
                        .map(Explanation.Cause::message).toList();
            }
        } catch (Refusal refused) {
            error = refused.getMessage();
        }
        var view = new ActivitiesPage(peopleOptions(person.organizationId(), who),
                connectionOptions(person.organizationId(), connection), sourceOptions(source), kindOptions(kind), from,
                to, rows, rows.isEmpty(), next, "/admin/activities/export?format=ndjson&" + query(params),
                "/admin/activities/export?format=csv&" + query(params), error, explanation);
        return ConsoleView.page(error == null ? HttpStatus.OK : HttpStatus.BAD_REQUEST, "activities", view);
    }

    @GetMapping("/admin/activities/export")
    void export(Person person, @RequestParam(defaultValue = "") String format,
            @RequestParam(name = "person", defaultValue = "") String who, @RequestParam(defaultValue = "") String connection,
            @RequestParam(defaultValue = "") String source, @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
            HttpServletResponse response) throws IOException {
        ExportFormat shape = ExportFormat.of(format);
        ActivityFilter filter = filters.parse(person.organizationId(),
                new ActivityParams(who, connection, source, kind, from, to, null, null));
        ActivitiesController.stream(export, filter, shape, response);
    }

    private List<ActivitiesPage.Option> peopleOptions(String organizationId, String chosen) {
        List<ActivitiesPage.Option> options = new ArrayList<>();
        options.add(new ActivitiesPage.Option("", "Everyone", chosen.isBlank()));
        people.all(organizationId).forEach(p -> options.add(new ActivitiesPage.Option(p.id(), p.name(),
                p.id().equals(chosen.strip()) || p.externalId().equals(chosen.strip()))));
        return options;
    }

    private List<ActivitiesPage.Option> connectionOptions(String organizationId, String chosen) {
        List<ActivitiesPage.Option> options = new ArrayList<>();
        options.add(new ActivitiesPage.Option("", "All connections", chosen.isBlank()));
        connections.of(organizationId).forEach(c -> options.add(new ActivitiesPage.Option(c.id(),
                c.name() + (c.account() == null || c.account().displayName() == null ? "" : " as " + c.account().displayName()),
                c.id().equals(chosen.strip()))));
        return options;
    }

    private static List<ActivitiesPage.Option> sourceOptions(String chosen) {
        List<ActivitiesPage.Option> options = new ArrayList<>();
        options.add(new ActivitiesPage.Option("", "Jira and Confluence", chosen.isBlank()));
        Arrays.stream(ActivitySource.values()).forEach(s -> options.add(
                new ActivitiesPage.Option(s.value(), s.label(), s.value().equalsIgnoreCase(chosen.strip()))));
        return options;
    }

    private static List<ActivitiesPage.Option> kindOptions(String chosen) {
        List<ActivitiesPage.Option> options = new ArrayList<>();
        options.add(new ActivitiesPage.Option("", "Every kind", chosen.isBlank()));
        Arrays.stream(ActivityKind.values()).forEach(k -> options.add(new ActivitiesPage.Option(k.value(),
                k.source().label() + ": " + ActivitiesPage.label(k), k.value().equalsIgnoreCase(chosen.strip()))));
        return options;
    }

    private static String query(ActivityParams p) {
        return "person=" + enc(p.person()) + "&connection=" + enc(p.connection()) + "&source=" + enc(p.source())
                + "&kind=" + enc(p.kind()) + "&from=" + enc(p.from()) + "&to=" + enc(p.to());
    }

    private static String enc(String text) {
        return URLEncoder.encode(text == null ? "" : text, StandardCharsets.UTF_8);
    }
}
