package dev.ferry.link;

import dev.ferry.console.ConsolePages;
import dev.ferry.destination.DestinationsPage;
import dev.ferry.event.EventRequest;
import dev.ferry.principal.Person;
import dev.ferry.refusal.Refusal;
import dev.ferry.sitelink.LinkedSite;
import dev.ferry.sitelink.LinkedSites;
import dev.ferry.web.RefusalStatus;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Linked tickets per product object in the admin console: look them up, link one by key, unlink one. */
@Controller
class LinkPages {

    static final String PATH = "/admin/links";

    private final ConsolePages pages;
    private final TicketLinks links;
    private final ManualLinks manual;
    private final LinkedSites sites;

    LinkPages(ConsolePages pages, TicketLinks links, ManualLinks manual, LinkedSites sites) {
        this.pages = pages;
        this.links = links;
        this.manual = manual;
        this.sites = sites;
    }

    @GetMapping(PATH)
    ResponseEntity<String> list(Person person, HttpServletRequest request,
            @RequestParam(defaultValue = "") String subjectType, @RequestParam(defaultValue = "") String subjectId) {
        return show(person, request, HttpStatus.OK, new LinksPage.NewLink("", subjectType, subjectId, "", ""), null);
    }

    @PostMapping(PATH)
    ResponseEntity<String> link(Person person, HttpServletRequest request, @RequestParam(defaultValue = "") String site,
            @RequestParam(defaultValue = "") String issueKey, @RequestParam(defaultValue = "") String subjectType,
            @RequestParam(defaultValue = "") String subjectId, @RequestParam(defaultValue = "") String subjectTitle,
            @RequestParam(defaultValue = "") String subjectUrl) {
        var form = new LinksPage.NewLink(issueKey.strip(), subjectType.strip(), subjectId.strip(), subjectTitle.strip(),
                subjectUrl.strip());
        try {
            manual.link(person, new LinksController.NewLink(site, form.issueKey(),
                    new EventRequest.SubjectBody(form.subjectType(), form.subjectId(), form.subjectTitle(),
                            form.subjectUrl().isEmpty() ? null : form.subjectUrl())));
            return pages.seeOther(request, objectPath(form.subjectType(), form.subjectId()),
                    form.issueKey() + " linked to " + form.subjectType() + " " + form.subjectId() + ".");
        } catch (Refusal refused) {
            return show(person, request, RefusalStatus.of(refused), form, refused.getMessage());
        }
    }

    @PostMapping(PATH + "/{id}/unlink")
    ResponseEntity<String> unlink(Person person, HttpServletRequest request, @PathVariable long id,
            @RequestParam(defaultValue = "") String subjectType, @RequestParam(defaultValue = "") String subjectId) {
        try {
            manual.unlink(person, id);
            return pages.seeOther(request, objectPath(subjectType, subjectId), "Link removed; the ticket in Jira is untouched.");
        } catch (Refusal refused) {
            return show(person, request, RefusalStatus.of(refused),
                    new LinksPage.NewLink("", subjectType, subjectId, "", ""), refused.getMessage());
        }
    }

    private ResponseEntity<String> show(Person person, HttpServletRequest request, HttpStatus status,
            LinksPage.NewLink form, String error) {
        List<LinkedSite> linked = sites.of(person.organizationId());
        Map<String, String> baseUrls = linked.stream().collect(Collectors.toMap(LinkedSite::clientKey, LinkedSite::baseUrl));
        boolean searched = !form.subjectType().isBlank() && !form.subjectId().isBlank();
        List<LinksPage.Row> rows = !searched ? List.of()
                : links.forObject(person.organizationId(), form.subjectType(), form.subjectId()).stream()
                        .map(link -> LinksPage.Row.of(link, baseUrls.get(link.clientKey()))).toList();
        var options = linked.stream().map(site -> new DestinationsPage.SiteOption(site.clientKey(),
                DestinationsPage.siteLabel(site), false)).toList();
        var page = new LinksPage(form.subjectType(), form.subjectId(), searched, rows, rows.isEmpty(), options, form, error);
        return pages.page(status, "links", pages.frame(person, "Linked tickets", "links", request), page);
    }

    private static String objectPath(String subjectType, String subjectId) {
        return PATH + "?subjectType=" + URLEncoder.encode(subjectType, StandardCharsets.UTF_8) + "&subjectId="
                + URLEncoder.encode(subjectId, StandardCharsets.UTF_8);
    }
}
