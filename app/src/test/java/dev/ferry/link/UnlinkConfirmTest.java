package dev.ferry.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.account.People;
import dev.ferry.principal.Role;
import dev.ferry.site.TestSites;
import dev.ferry.sitelink.SiteLinking;
import dev.ferry.support.ConsoleClient;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Organizations;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Unlinking a ticket in the console asks first, on a page of its own that needs no script. */
@FerryIntegrationTest
class UnlinkConfirmTest {

    static final String LIST = "/admin/links?subjectType=experiment&subjectId=exp-1";

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
    TicketLinks links;

    Organizations.Org acme;
    ConsoleClient console;
    long link;

    @BeforeEach
    void aManualLinkOnALinkedSite() {
        acme = organizations.create("Acme");
        sites.install("unlink-site", "unlink-site-shared-secret-long-enough-0001");
        linking.link(acme.id(), "unlink-site");
        link = links.link("unlink-site", new IssueState("10001", "FERRY-1", "To Do", "new", Instant.now()),
                new LinkedObject("experiment", "exp-1", "Checkout", null, null), LinkOrigin.MANUAL,
                LinkProvenance.manual(acme.id())).id();
        console = ConsoleClient.signIn(port, people.create(acme.id(), Role.MANAGER));
    }

    @Test
    void theListOffersAConfirmPageAndOnlyItsFormUnlinks() {
        String list = console.get(LIST).body();
        assertThat(list).contains("href=\"/admin/links/" + link + "/unlink\"")
                .doesNotContain("action=\"/admin/links/" + link + "/unlink\"");

        var confirm = console.get("/admin/links/" + link + "/unlink");

        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Unlink FERRY-1?").contains("experiment exp-1")
                .contains("action=\"/admin/links/" + link + "/unlink\"").contains("href=\"" + LIST.replace("&", "&amp;").replace("=", "&#61;") + "\"");
        assertThat(links.forObject(acme.id(), "experiment", "exp-1")).as("looking changes nothing").hasSize(1);

        var unlinked = console.post("/admin/links/" + link + "/unlink", "subjectType", "experiment", "subjectId", "exp-1");

        assertThat(unlinked.statusCode()).isEqualTo(303);
        assertThat(links.forObject(acme.id(), "experiment", "exp-1")).isEmpty();
        assertThat(console.get(LIST).body()).contains("Link removed; the ticket in Jira is untouched.");
    }

    @Test
    void anotherOrganizationsLinkHasNoConfirmPage() {
        var other = ConsoleClient.signIn(port, people.create(organizations.create("Other").id(), Role.ADMIN));

        var page = other.get("/admin/links/" + link + "/unlink");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("No link " + link).doesNotContain("FERRY-1");
    }
}
