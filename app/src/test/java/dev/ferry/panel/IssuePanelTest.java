package dev.ferry.panel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.link.IssueState;
import dev.ferry.link.LinkOrigin;
import dev.ferry.link.LinkedObject;
import dev.ferry.link.TicketLink;
import dev.ferry.link.TicketLinks;
import dev.ferry.site.TestSites;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.Tokens;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The glance, issue panel and issue content pages, and the panel's own context-token actions. */
@FerryIntegrationTest
class IssuePanelTest {

    static final String SITE_A = "panel-site-a";
    static final String SITE_B = "panel-site-b";
    static final String SECRET_A = "panel-site-a-shared-secret-long-enough-00001";
    static final String SECRET_B = "panel-site-b-shared-secret-long-enough-00002";

    @LocalServerPort
    int port;
    @Autowired
    Tokens tokens;
    @Autowired
    TestSites sites;
    @Autowired
    TicketLinks links;
    @Autowired
    JdbcClient jdbc;
    Http http;
    TicketLink link;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        sites.install(SITE_A, SECRET_A);
        sites.install(SITE_B, SECRET_B);
        link = links.link(SITE_A, new IssueState("10001", "OPS-1", "To Do", "new", Instant.now()),
                new LinkedObject("experiment", "exp-42", "Checkout <button> colour", "https://product.example/exp/42",
                        "running"), LinkOrigin.AUTOMATIC);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/panels/glance", "/panels/issue", "/panels/issue-content"})
    void aLinkedIssueListsItsObjects(String page) {
        var response = open(page + "?issueKey=OPS-1&issueId=10001&projectKey=OPS", SITE_A, SECRET_A);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Checkout &lt;button&gt; colour").contains("https://product.example/exp/42")
                .contains("running").contains("Filed automatically").contains("1 linked");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).startsWith("frame-ancestors https://panelsitea.atlassian.net ").contains("script-src 'self'"));
        assertThat(response.body()).doesNotContain("<script>").contains("/iframe/issue-panel.js");
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
    }

    @Test
    void anIssueWithoutLinksSaysSoPlainly() {
        var response = open("/panels/issue?issueKey=OPS-2&issueId=10002&projectKey=OPS", SITE_A, SECRET_A);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("No objects are linked to OPS-2 yet.");
    }

    @Test
    void anotherSiteCannotReadThisSitesLinks() {
        var response = open("/panels/issue?issueKey=OPS-1&issueId=10001&projectKey=OPS", SITE_B, SECRET_B);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("Checkout").contains("No objects are linked");
    }

    @Test
    void anExpiredTokenGivesAPageAskingForAReload() {
        String path = "/panels/issue?issueKey=OPS-1&issueId=10001&projectKey=OPS";
        var claims = tokens.claims(SITE_A, "GET", path);
        claims.put("iat", Instant.now().minusSeconds(900).getEpochSecond());
        claims.put("exp", Instant.now().minusSeconds(600).getEpochSecond());

        var response = http.get(path + "&jwt=" + tokens.hs256(claims, SECRET_A), "Accept", "text/html,*/*");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(response.body()).contains("expired").contains("Reload").doesNotContain("Exception");
    }

    @Test
    void aContextTokenWithoutTheLinksIssueCannotUnlinkIt() {
        var response = action("unlink", link.id(), tokens.context(SITE_A, SECRET_A, "557058:agent"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/problem+json"));
        assertThat(links.find(SITE_A, link.id())).isPresent();
    }

    @Test
    void thePanelCarriesAContextTokenBoundToItsIssueForItsButtons() {
        String path = "/panels/issue?issueKey=OPS-1&issueId=10001&projectKey=OPS";
        var viewer = tokens.claims(SITE_A, "GET", path);
        viewer.put("sub", "557058:agent");
        var response = http.get(path + "&jwt=" + tokens.hs256(viewer, SECRET_A));

        var token = java.util.regex.Pattern.compile("data-token=\"([^\"]+)\"").matcher(response.body());
        assertThat(token.find()).isTrue();
        var claims = tools.jackson.databind.json.JsonMapper.builder().build().readTree(
                java.util.Base64.getUrlDecoder().decode(token.group(1).split("\\.")[1]));
        assertThat(claims.path("qsh").asString()).isEqualTo("context-qsh");
        assertThat(claims.path("iss").asString()).isEqualTo(SITE_A);
        assertThat(claims.path("sub").asString()).isEqualTo("557058:agent");
        assertThat(claims.path("context").path("jira").path("issue").path("id").asString()).isEqualTo("10001");
    }

    @Test
    void anotherSitesContextTokenCannotUnlinkThisSitesLink() {
        var response = action("unlink", link.id(), tokens.context(SITE_B, SECRET_B, "557058:intruder"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(links.find(SITE_A, link.id())).isPresent();
    }

    @Test
    void panelActionsRefuseAPageToken() {
        String path = "/panels/api/links/" + link.id() + "/unlink";
        var response = http.post(path, "", "Authorization", "JWT " + tokens.request(SITE_A, SECRET_A, "POST", path));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(links.find(SITE_A, link.id())).isPresent();
    }

    @Test
    void aContextTokenCannotOpenAPanelPage() {
        var response = http.get("/panels/issue?issueId=10001&jwt=" + tokens.context(SITE_A, SECRET_A, "557058:agent"));

        assertThat(response.statusCode()).isEqualTo(401);
    }

    java.net.http.HttpResponse<String> open(String path, String site, String secret) {
        return http.get(path + "&jwt=" + tokens.request(site, secret, "GET", path));
    }

    java.net.http.HttpResponse<String> action(String action, long linkId, String contextToken) {
        return http.post("/panels/api/links/" + linkId + "/" + action, "", "Authorization", "JWT " + contextToken);
    }
}
