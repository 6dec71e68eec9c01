package dev.ferry.ticket;

import dev.ferry.link.IssueUrls;
import dev.ferry.site.SiteDirectory;
import org.springframework.stereotype.Component;

/** A stored hand ticket as callers see it, with the issue's address on its site. */
@Component
class HandTicketViews {

    private final SiteDirectory sites;

    HandTicketViews(SiteDirectory sites) {
        this.sites = sites;
    }

    HandTicket of(HandTicketRow row) {
        String issueUrl = row.issueKey() == null ? null : sites.callable(row.clientKey())
                .map(site -> IssueUrls.browse(site.baseUrl().toString(), row.issueKey())).orElse(null);
        return new HandTicket(row.id(), row.state(), row.clientKey(), row.issueId(), row.issueKey(), issueUrl,
                row.linkId(), row.createdAt(), row.lastError());
    }
}
