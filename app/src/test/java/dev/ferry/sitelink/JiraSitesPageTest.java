package dev.ferry.sitelink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.account.People;
import dev.ferry.principal.Role;
import dev.ferry.site.TestSites;
import dev.ferry.support.ConsoleClient;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Organizations;
import dev.ferry.support.Organizations.Org;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The Jira sites page of the admin console over HTTP: Admins and Managers ask for a site, type the code
 * and disconnect; a Member sees the same page without forms and the server refuses their posts.
 */
@FerryIntegrationTest
@TestPropertySource(properties = "ferry.site-linking.forge-install-link=https://developer.atlassian.com/install/ferry-test")
class JiraSitesPageTest {

    static final String PAGE = "/admin/integrations/jira";
    static final String CLIENT_KEY = "page-site";
    static final String SITE_URL = "https://pagesite.atlassian.net";
    static final Pattern FINGERPRINT = Pattern.compile("changes\\?since=([0-9a-f]+)");

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    @Autowired
    People people;
    @Autowired
    TestSites sites;
    @Autowired
    SiteLinking linking;
    @Autowired
    SiteLinks links;
    @Autowired
    JdbcTemplate jdbc;
    Org acme;
    ConsoleClient manager;

    @BeforeEach
    void setUp() {
        acme = organizations.create("Acme");
        sites.install(CLIENT_KEY, "page-site-shared-secret-long-enough-000001");
        manager = ConsoleClient.signIn(port, people.create(acme.id(), Role.MANAGER));
    }

    @Test
    void aManagerAsksForASiteAndSeesWhatToDoNext() {
        var asked = manager.post(PAGE + "/requests", "site", SITE_URL);

        assertThat(asked.statusCode()).isEqualTo(303);
        String page = manager.get(PAGE).body();
        assertThat(page).contains("Request sent.").contains("Waiting for a Jira administrator")
                .contains(SITE_URL + "/plugins/servlet/ac/ferry-for-jira/ferry-configure").contains("One-time code")
                .contains("hx-trigger=\"every 5s\"");
        assertThat(jdbc.queryForObject("select requested_by from site_link_request", String.class)).startsWith("user:");
        assertThat(count("site_link")).isZero();
    }

    @Test
    void aRequestAJiraAdministratorDeclinedShowsAsDeclinedUntilAskedAgain() {
        manager.post(PAGE + "/requests", "site", SITE_URL);
        linking.decline(jdbc.queryForObject("select id from site_link_request", Long.class));

        String declined = manager.get(PAGE).body();
        manager.post(PAGE + "/requests", "site", SITE_URL);
        String askedAgain = manager.get(PAGE).body();

        assertThat(declined).contains("data-state=\"DECLINED\"").contains("data-testid=\"declined\"")
                .contains("A Jira administrator of " + SITE_URL + " declined this request on")
                .doesNotContain("Waiting for a Jira administrator").doesNotContain("Cancel request");
        assertThat(askedAgain).contains("data-state=\"PENDING\"").contains("Waiting for a Jira administrator")
                .doesNotContain("data-state=\"DECLINED\"");
    }

    @Test
    void aSiteWithoutFerryShowsTheInstallLinks() {
        manager.post(PAGE + "/requests", "site", "https://not-yet.atlassian.net");

        String page = manager.get(PAGE).body();

        assertThat(page).contains("Ferry is not installed there yet")
                .contains("https://developer.atlassian.com/install/ferry-test").contains("/atlassian-connect.json");
        long id = jdbc.queryForObject("select id from site_link_request", Long.class);
        assertThat(page).as("the descriptor URL has a copy button").contains("id=\"descriptor-url-" + id + "\"")
                .contains("<button type=\"button\" class=\"copy\" data-copy-target=\"descriptor-url-" + id + "\" hidden>");
    }

    @Test
    void refusedInputIsExplainedOnThePageAndChangesNothing() {
        var blank = manager.post(PAGE + "/requests", "site", " ");
        var unknown = manager.post(PAGE + "/requests", "site", "no such site");

        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("role=\"alert\"").contains("Site must be the site&#39;s URL");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("No Jira site is known as no such site").contains("value=\"no such site\"");
        assertThat(count("site_link_request")).isZero();
    }

    @Test
    void theCodeTypedOnThePageLinksTheSiteAndAWrongOneIsExplained() {
        manager.post(PAGE + "/requests", "site", SITE_URL);
        long id = jdbc.queryForObject("select id from site_link_request", Long.class);
        String code = linking.issueCode(id);

        var wrong = manager.post(PAGE + "/requests/" + id + "/confirm", "code", "AAAA-AAAA");
        var right = manager.post(PAGE + "/requests/" + id + "/confirm", "code", code);

        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("The code does not match; 4 tries left");
        assertThat(right.statusCode()).isEqualTo(303);
        String page = manager.get(PAGE).body();
        assertThat(page).contains("Linked " + SITE_URL).contains("data-testid=\"site-card\"")
                .contains("none received recently").doesNotContain("data-testid=\"link-request\"");
        assertThat(jdbc.queryForObject("select actor from audit_record where action = 'SITE_CONNECTED'", String.class))
                .startsWith("user:manager-");
    }

    @Test
    void disconnectingTakesAConfirmStepAndIsAudited() {
        linking.link(acme.id(), CLIENT_KEY);

        var confirmPage = manager.get(PAGE + "/sites/" + CLIENT_KEY + "/disconnect");
        var disconnected = manager.post(PAGE + "/sites/" + CLIENT_KEY + "/disconnect");

        assertThat(confirmPage.statusCode()).isEqualTo(200);
        assertThat(confirmPage.body()).contains("Disconnect " + SITE_URL + "?");
        assertThat(disconnected.statusCode()).isEqualTo(303);
        assertThat(count("site_link")).isZero();
        assertThat(jdbc.queryForObject("select actor from audit_record where action = 'SITE_DISCONNECTED'", String.class))
                .startsWith("user:manager-");
        assertThat(manager.post(PAGE + "/sites/" + CLIENT_KEY + "/disconnect").statusCode()).isEqualTo(404);
    }

    @Test
    void aLinkedSitesCardNamesWhoLinkedItByEmailAndShowsNoClientKey() {
        linking.link(acme.id(), CLIENT_KEY);

        String page = manager.get(PAGE).body();

        assertThat(page).contains("data-testid=\"site-card\"").contains(" by test-admin</dd>")
                .doesNotContain("user:").doesNotContain("Site ID</dt>").doesNotContain("<code>" + CLIENT_KEY + "</code>");
    }

    @Test
    void aSiteWhoseCredentialsJiraRefusedCarriesAWarning() {
        linking.link(acme.id(), CLIENT_KEY);
        links.credentialsRejected(CLIENT_KEY, "Client must be authenticated");

        assertThat(manager.get(PAGE).body()).contains("data-testid=\"credentials-rejected\"")
                .contains("Client must be authenticated");
    }

    @Test
    void aMemberSeesThePageWithoutFormsAndTheServerRefusesTheirPosts() {
        manager.post(PAGE + "/requests", "site", SITE_URL);
        long id = jdbc.queryForObject("select id from site_link_request", Long.class);
        String code = linking.issueCode(id);
        sites.install("linked-site", "linked-site-shared-secret-long-enough-00001");
        linking.link(acme.id(), "linked-site");
        var member = ConsoleClient.signIn(port, people.create(acme.id(), Role.MEMBER));

        var page = member.get(PAGE);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-testid=\"site-card\"").contains("data-testid=\"link-request\"")
                .doesNotContain("action=\"/admin/integrations/jira").doesNotContain("Disconnect…");
        assertThat(member.post(PAGE + "/requests", "site", "https://other.atlassian.net").statusCode()).isEqualTo(403);
        assertThat(member.post(PAGE + "/requests/" + id + "/confirm", "code", code).statusCode()).isEqualTo(403);
        assertThat(member.post(PAGE + "/requests/" + id + "/cancel").statusCode()).isEqualTo(403);
        assertThat(member.post(PAGE + "/sites/linked-site/disconnect").statusCode()).isEqualTo(403);
        assertThat(count("site_link_request")).isEqualTo(2);
        assertThat(jdbc.queryForObject("select state from site_link_request where id = ?", String.class, id))
                .isEqualTo("PENDING");
        assertThat(count("site_link")).isEqualTo(1);
    }

    @Test
    void anotherOrganizationsRequestAndSiteAreUnknownHere() {
        var beta = organizations.create("Beta");
        linking.link(beta.id(), CLIENT_KEY);
        sites.install("beta-other", "beta-other-shared-secret-long-enough-000001");
        var betaManager = ConsoleClient.signIn(port, people.create(beta.id(), Role.MANAGER));
        betaManager.post(PAGE + "/requests", "site", "beta-other");
        long betaRequest = jdbc.queryForObject("select id from site_link_request where client_key = 'beta-other'", Long.class);

        assertThat(manager.get(PAGE).body()).doesNotContain(SITE_URL).doesNotContain("beta-other");
        assertThat(manager.post(PAGE + "/requests/" + betaRequest + "/cancel").statusCode()).isEqualTo(404);
        assertThat(manager.post(PAGE + "/sites/" + CLIENT_KEY + "/disconnect").statusCode()).isEqualTo(404);
        assertThat(manager.get(PAGE + "/sites/" + CLIENT_KEY + "/disconnect").statusCode()).isEqualTo(404);
        assertThat(count("site_link")).isEqualTo(1);
    }

    @Test
    void thePollingAnswerTellsThePageToReloadOnlyWhenSomethingChanged() {
        manager.post(PAGE + "/requests", "site", SITE_URL);
        Matcher shown = FINGERPRINT.matcher(manager.get(PAGE).body());
        assertThat(shown.find()).isTrue();

        var unchanged = manager.get(PAGE + "/changes?since=" + shown.group(1));
        linking.link(acme.id(), CLIENT_KEY);
        var changed = manager.get(PAGE + "/changes?since=" + shown.group(1));

        assertThat(unchanged.statusCode()).isEqualTo(204);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("HX-Refresh")).contains("true");
    }

    int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }
}
