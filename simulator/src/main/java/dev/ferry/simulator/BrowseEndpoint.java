package dev.ferry.simulator;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.ferry.simulator.rest.IssuePages;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Jira's web UI for issues ({@code /browse}, {@code /browse/{key}}), served without authentication as to a
 * person already signed in. Not recorded among the app's REST calls: a browser, not the app, opens it.
 */
final class BrowseEndpoint extends Endpoint {

    static final String NAME = "ferry-jira-browse";

    private final IssuePages pages;

    BrowseEndpoint(IssuePages pages) {
        super(NAME);
        this.pages = pages;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        String url = event.getRequest().getUrl();
        String path = pathOf(url);
        if (path.equals("/browse") || path.equals("/browse/")) {
            return html(200, pages.index());
        }
        String key = URLDecoder.decode(path.substring("/browse/".length()), StandardCharsets.UTF_8);
        return pages.issue(key).map(page -> html(200, page))
                .orElseGet(() -> html(404, "<!DOCTYPE html><html><body><h1>Can't find issue</h1><p>The issue "
                        + key.replace("<", "&lt;") + " doesn't exist or has been deleted.</p></body></html>"));
    }

    private static ResponseDefinition html(int status, String body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "text/html;charset=UTF-8").withBody(body).build();
    }
}
