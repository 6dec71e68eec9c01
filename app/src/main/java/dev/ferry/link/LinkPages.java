package dev.ferry.link;

import dev.ferry.console.ConsoleFrame;
import dev.ferry.console.ConsolePage;
import dev.ferry.console.ConsoleView;
import dev.ferry.destination.DestinationsPage;
import dev.ferry.event.EventRequest;
import dev.ferry.principal.Person;
import dev.ferry.refusal.Refusal;
import dev.ferry.sitelink.LinkedSite;
import dev.ferry.sitelink.LinkedSites;
import dev.ferry.web.RefusalStatus;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Linked tickets per product object in the admin console: look them up, link one by key, unlink one. */
@Controller
@ConsolePage(title = "Linked tickets", nav = "links")
class LinkPages {

    static final String PATH = "/admin/links";

    private final TicketLinks links;
    private final ManualLinks manual;
    private final LinkedSites sites;
    private final LinkStatuses statuses;
    private final ObjectProvider<ObjectHistory> history;

    LinkPages(TicketLinks links, ManualLinks manual, LinkedSites sites, LinkStatuses statuses,
            ObjectProvider<ObjectHistory> history) {
        this.statuses = statuses;
        this.links = links;
        this.manual = manual;
        this.sites = sites;
        this.history = history;
    }

    @GetMapping(PATH)
    ModelAndView list(Person person, @RequestParam(defaultValue = "") String subjectType,
            @RequestParam(defaultValue = "") String subjectId) {
        return show(person, HttpStatus.OK, new LinksPage.NewLink("", subjectType, subjectId, "", ""), null);
    }

    @PostMapping(PATH)
    ModelAndView link(Person person, RedirectAttributes redirect, @RequestParam(defaultValue = "") String site,
            @RequestParam(defaultValue = "") String issueKey, @RequestParam(defaultValue = "") String subjectType,
            @RequestParam(defaultValue = "") String subjectId, @RequestParam(defaultValue = "") String subjectTitle,
            @RequestParam(defaultValue = "") String subjectUrl) {
        var form = new LinksPage.NewLink(issueKey.strip(), subjectType.strip(), subjectId.strip(), subjectTitle.strip(),
                subjectUrl.strip());
        try {
            manual.link(person, new LinksController.NewLink(site, form.issueKey(),
                    new EventRequest.SubjectBody(form.subjectType(), form.subjectId(), form.subjectTitle(),
                            form.subjectUrl().isEmpty() ? null : form.subjectUrl())));
            return ConsoleView.seeOther(redirect, LinkedObject.consolePath(form.subjectType(), form.subjectId()),
                    form.issueKey() + " linked to " + form.subjectType() + " " + form.subjectId() + ".");
        } catch (Refusal refused) {
            return show(person, RefusalStatus.of(refused), form, refused.getMessage());
        }
    }

    /** The confirm step before an unlink, a page of its own so that it works without script. */
    @GetMapping(PATH + "/{id}/unlink")
    ModelAndView confirmUnlink(Person person, @ModelAttribute(ConsoleView.FRAME) ConsoleFrame frame,
            @PathVariable long id) {
        return links.findForOrganization(person.organizationId(), id)
                .map(link -> ConsoleView.titled(frame, "Unlink " + link.issueKey(), "link-unlink",
                        new UnlinkPage(id, link.issueKey(), link.object().type(), link.object().id(),
                                LinkedObject.consolePath(link.object().type(), link.object().id()))))
                .orElseGet(() -> ConsoleView.notFound(frame, "No such link", LinksController.noLink(id).getMessage()));
    }

    /** What unlinking one ticket changes: the ticket, the object, and the way back. */
    record UnlinkPage(long id, String issueKey, String subjectType, String subjectId, String backHref) {
    }

    @PostMapping(PATH + "/{id}/unlink")
    ModelAndView unlink(Person person, RedirectAttributes redirect, @PathVariable long id,
            @RequestParam(defaultValue = "") String subjectType, @RequestParam(defaultValue = "") String subjectId) {
        try {
            manual.unlink(person, id);
            return ConsoleView.seeOther(redirect, LinkedObject.consolePath(subjectType, subjectId), "Link removed; the ticket in Jira is untouched.");
        } catch (Refusal refused) {
            return show(person, RefusalStatus.of(refused),
                    new LinksPage.NewLink("", subjectType, subjectId, "", ""), refused.getMessage());
        }
    }

    private ModelAndView show(Person person, HttpStatus status, LinksPage.NewLink form, String error) {
        List<LinkedSite> linked = sites.of(person.organizationId());
        Map<String, String> baseUrls = linked.stream().collect(Collectors.toMap(LinkedSite::clientKey, LinkedSite::baseUrl));
        boolean searched = !form.subjectType().isBlank() && !form.subjectId().isBlank();
        var judge = statuses.forListing();
        List<LinksPage.Row> rows = !searched ? List.of()
                : links.forObject(person.organizationId(), form.subjectType(), form.subjectId()).stream()
                        .map(link -> LinksPage.Row.of(link, baseUrls.get(link.clientKey()), judge.apply(link))).toList();
        var options = linked.stream().map(site -> new DestinationsPage.SiteOption(site.clientKey(),
                DestinationsPage.siteLabel(site), false)).toList();
        List<ObjectHistory.Entry> changes = !searched ? List.of() : history.stream()
                .flatMap(source -> source.of(person.organizationId(), form.subjectType(), form.subjectId()).stream()).toList();
        var page = new LinksPage(form.subjectType(), form.subjectId(), searched, rows, rows.isEmpty(), options, form, error,
                changes);
        return ConsoleView.page(status, "links", page);
    }

}
