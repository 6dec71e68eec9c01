package dev.ferry.panel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.site.TestSites;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The configure page Jira frames for a site admin. */
@FerryIntegrationTest
class ConfigurePageTest {

    static final String SITE = "configure-site";
    static final String SECRET = "configure-site-shared-secret-long-enough-0001";

    @LocalServerPort
    int port;
    @Autowired
    Tokens tokens;
    @Autowired
    TestSites sites;

    @Test
    void showsTheSitesInstallStateWithHeadersFitForAJiraIframe() {
        sites.install(SITE, SECRET);
        String path = "/configure?xdm_e=https%3A%2F%2Fconfiguresite.atlassian.net&cp=&lic=none&cv=1001.0.0";

        var page = new Http(port).get(path + "&jwt=" + tokens.request(SITE, SECRET, "GET", path));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("https://configuresite.atlassian.net").contains(">Installed<");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .startsWith("frame-ancestors https://configuresite.atlassian.net ").contains("https://*.atlassian.net"));
        assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(
                cache -> assertThat(cache).contains("no-store"));
    }

    @Test
    void theSiteIsNamedAsPeopleKnowItAndAWaitingInstallIsNotShownAsDone() {
        sites.install(SITE, SECRET);

        String page = open(SITE, SECRET).body();

        assertThat(page).contains("<dt>Site ID</dt><dd><code data-testid=\"site-id\">cloud-1</code>")
                .doesNotContain(SITE);
        assertThat(page).contains("<span class=\"lozenge waiting\" data-testid=\"install-state\">Installed</span>");
    }

    @Test
    void aRestoredSiteNamesTheEarlierSiteByItsAddress() {
        sites.install("configure-earlier", "configure-earlier-shared-secret-long-enough-01");
        sites.install(SITE, SECRET, "configure-earlier");

        String page = open(SITE, SECRET).body();

        assertThat(page).contains("(https://configureearlier.atlassian.net)")
                .doesNotContain("configure-earlier");
    }

    @Test
    void aContextTokenCannotOpenThePage() {
        sites.install(SITE, SECRET);

        var page = new Http(port).get("/configure?jwt=" + tokens.context(SITE, SECRET, "557058:admin"));

        assertThat(page.statusCode()).isEqualTo(401);
    }

    java.net.http.HttpResponse<String> open(String site, String secret) {
        String path = "/configure?xdm_e=https%3A%2F%2Fconfiguresite.atlassian.net&cp=&lic=none&cv=1001.0.0";
        return new Http(port).get(path + "&jwt=" + tokens.request(site, secret, "GET", path));
    }
}
