package dev.ferry.panel;

import java.util.List;

/**
 * What the glance, the issue panel and the issue content show: the objects linked to one issue.
 *
 * @param allJsUrl    Atlassian's iframe script, or null to leave it out
 * @param actionToken the context token the buttons send, bound to this issue and viewer; null without links
 */
record IssuePanelPage(String issueKey, List<LinkView> links, String allJsUrl, String actionToken) {

    boolean empty() {
        return links.isEmpty();
    }

    int count() {
        return links.size();
    }
}
