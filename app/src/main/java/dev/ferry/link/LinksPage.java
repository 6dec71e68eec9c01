package dev.ferry.link;

import dev.ferry.console.Shown;
import dev.ferry.destination.DestinationsPage;
import java.util.List;

/**
 * The tickets linked to one product object (key, status, the event that spawned it, date), unlinking one,
 * and linking an existing ticket by key.
 *
 * @param searched true once an object was asked for
 * @param history  the object's state changes and comments sent to its tickets, newest first
 */
record LinksPage(String subjectType, String subjectId, boolean searched, List<Row> links, boolean empty,
        List<DestinationsPage.SiteOption> sites, NewLink form, String error, List<ObjectHistory.Entry> history) {

    /** A refusal of a service ("no destination d1") reads as a sentence on the page. */
    LinksPage {
        error = Shown.sentence(error);
    }

    /**
     * One linked ticket; {@code broken} when the issue is gone from Jira, {@code status} "Unknown" with
     * {@code statusReason} saying why when Ferry does not know it.
     */
    record Row(long id, String issueKey, String issueUrl, String status, boolean broken, String eventType,
            String origin, String created, String statusReason) {

        static Row of(TicketLink link, String baseUrl, LinkStatus status) {
            return new Row(link.id(), link.issueKey(), IssueUrls.browse(baseUrl, link.issueKey()),
                    status.known() ? link.statusName() : "Unknown",
                    link.issueDeleted(), link.provenance().eventType() == null ? "" : link.provenance().eventType(),
                    link.origin().name().toLowerCase(), Shown.time(link.createdAt()), status.words());
        }
    }

    /** What the link form holds: the object searched for, or what was typed when linking was refused. */
    record NewLink(String issueKey, String subjectType, String subjectId, String subjectTitle, String subjectUrl) {
    }
}
