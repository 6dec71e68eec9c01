package dev.ferry.descriptor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every address the served descriptor gives Jira answers on a running Ferry: Jira shows a broken icon or an
 * empty panel for one that does not, and says nothing about it. An unsigned request to a Jira-only route is
 * refused with 401, which proves the route exists; icons and the descriptor's own links answer 200.
 */
@FerryIntegrationTest
class DescriptorUrlsTest {

    @LocalServerPort
    int port;

    @Test
    void everyAddressInTheServedDescriptorAnswers() {
        JsonNode descriptor = JsonMapper.builder().build().readTree(new Http(port).get("/atlassian-connect.json").body());
        List<Named> named = new ArrayList<>();
        walk(descriptor, "", descriptor.get("baseUrl").asString(), named);

        assertThat(named).extracting(Named::where).contains("/lifecycle/installed", "/modules/webhooks/0/url",
                "/modules/jiraIssueGlances/0/icon/url", "/modules/jiraIssueGlances/0/target/url",
                "/modules/webPanels/0/url", "/modules/jiraIssueContents/0/icon/url", "/modules/configurePage/url",
                "/links/self");
        for (Named address : named) {
            int status = answer(address);
            assertThat(status).as("%s (%s)", address.where(), address.path()).isEqualTo(expected(address));
        }
    }

    @Test
    void theIconsAreServedAsImages() {
        JsonNode descriptor = JsonMapper.builder().build().readTree(new Http(port).get("/atlassian-connect.json").body());

        for (String icon : List.of("/modules/jiraIssueGlances/0/icon/url", "/modules/jiraIssueContents/0/icon/url")) {
            var response = new Http(port).get(descriptor.at(icon).asString());
            assertThat(response.statusCode()).as(icon).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("image/svg+xml"));
        }
    }

    /** Pages and icons are read with GET; Jira posts webhooks and lifecycle events. */
    private int answer(Named address) {
        Http http = new Http(port);
        boolean posted = address.where().startsWith("/lifecycle/") || address.where().startsWith("/modules/webhooks/");
        return posted ? http.post(address.path(), "{}").statusCode() : http.get(address.path()).statusCode();
    }

    private static int expected(Named address) {
        boolean open = address.where().endsWith("/icon/url") || address.where().startsWith("/links/")
                || address.where().startsWith("/vendor/") || address.where().equals("/baseUrl");
        return open ? 200 : 401;
    }

    /** Collects every string that is an address of Ferry: a path, or an absolute URL under the base URL. */
    static void walk(JsonNode node, String where, String baseUrl, List<Named> found) {
        if (node.isString()) {
            String text = node.asString();
            if (text.startsWith("/")) {
                found.add(new Named(where, sample(text)));
            } else if (text.equals(baseUrl) || text.startsWith(baseUrl + "/")) {
                String path = text.substring(baseUrl.length());
                found.add(new Named(where, sample(path.isEmpty() ? "/" : path)));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), where + "/" + i, baseUrl, found);
            }
        } else if (node.isObject()) {
            node.properties().forEach(entry -> walk(entry.getValue(), where + "/" + entry.getKey(), baseUrl, found));
        }
    }

    /** Jira fills in context variables ({@code {issue.key}}) before it calls; any value does for routing. */
    private static String sample(String path) {
        return path.replaceAll("\\{[^}]+}", "1");
    }

    /** An address and where in the document it is named (a JSON pointer). */
    record Named(String where, String path) {
    }
}
