package dev.ferry.panel;

import java.util.List;

/**
 * What the glance, the issue panel and the issue content show: the objects linked to one issue.
 *
 * @param allJsUrl    Atlassian's iframe script, or null to leave it out
 * @param actionToken the context token the buttons send, bound to this issue and viewer; null without links
 *                    or without a viewer Jira named, and then the page shows no buttons
 * @param actionsUrl  where the buttons post, up to the link id ({@code …/panels/api/links/})
 * @param scriptUrl   the buttons' script: a file, because the page allows no inline script
 */
record IssuePanelPage(String issueKey, List<LinkView> links, String allJsUrl, String actionToken, String actionsUrl,
        String scriptUrl) {

    boolean empty() {
        return links.isEmpty();
    }

    int count() {
        return links.size();
    }

    boolean canAct() {
        return actionToken != null;
    }
}
