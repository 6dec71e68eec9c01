package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.simulator.JiraSimulator;
import dev.ferry.simulator.app.AppClient;
import dev.ferry.site.Site;
import dev.ferry.site.SiteRepository;
import dev.ferry.site.SiteState;
import dev.ferry.webhook.InboxDrain;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A simulated Jira site and Ferry over real HTTP: install, reinstall with a rotated secret, webhook,
 * configure page, uninstall, with Ferry's stored site checked after each step.
 */
@FerryJourney
class InstallJourneyTest {

    static final AppClient browser = new AppClient();

    @Autowired
    SiteRepository sites;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    @Test
    void aSimulatedSiteInstallsRotatesItsSecretOpensTheConfigurePageAndUninstalls(Journey journey) {
        JiraSimulator jira = journey.jira();
        String ferry = journey.url();
        String clientKey = jira.site().identity().clientKey();

        assertThat(jira.site().install(ferry).status()).isEqualTo(204);
        Site installed = sites.findById(clientKey).orElseThrow();
        assertThat(installed.state()).isEqualTo(SiteState.ENABLED);
        assertThat(installed.installation().baseUrl()).isEqualTo(jira.baseUrl());
        assertThat(installed.installation().installationId()).startsWith("ari:cloud:ecosystem::installation/");
        assertThat(installed.installation().cloudId()).isEqualTo(jira.site().identity().cloudId());

        String firstSecret = jira.site().secret();
        assertThat(jira.site().reinstall().status()).isEqualTo(204);
        assertThat(jira.site().secret()).isNotEqualTo(firstSecret);
        Site reinstalled = sites.findById(clientKey).orElseThrow();
        assertThat(reinstalled.state()).isEqualTo(SiteState.ENABLED);
        assertThat(reinstalled.updatedAt()).isAfterOrEqualTo(installed.updatedAt());
        assertThat(browser.get(jira.site().configurePageUrl(firstSecret), Map.of()).status()).isEqualTo(401);

        AppClient.Reply page = browser.get(jira.site().configurePageUrl(), Map.of());
        assertThat(page.status()).isEqualTo(200);
        // The page names the site as its admin knows it (its address and site ID), never Ferry's clientKey.
        assertThat(page.body()).contains(jira.baseUrl()).contains("Installed and enabled").doesNotContain(clientKey);

        jira.data().addProject("10002", "E2E", "End to end", java.util.List.of(
                new dev.ferry.simulator.rest.Project.IssueType("10001", "Task", false)));
        // A person files an issue in Jira's UI; the simulator's admin API stands in for it.
        String issueKey = jira.admin().createIssue("E2E", "Task", "Filed by a person in Jira");
        var sent = jira.site().webhook("jira:issue_created", issueKey);
        assertThat(sent.status()).isEqualTo(204);
        assertThat(jira.site().duplicate(sent.delivery()).status()).isEqualTo(204);
        assertThat(jdbc.sql("select count(*) from webhook_delivery where webhook_id = ?")
                .param(sent.delivery().identifier()).query(Long.class).single()).isEqualTo(1);
        InboxDrain.drain(context);
        assertThat(jdbc.sql("select status from webhook_delivery where webhook_id = ?")
                .param(sent.delivery().identifier()).query(String.class).single()).isEqualTo("PROCESSED");

        assertThat(jira.site().uninstall().status()).isEqualTo(204);
        Site uninstalled = sites.findById(clientKey).orElseThrow();
        assertThat(uninstalled.state()).isEqualTo(SiteState.UNINSTALLED);
        assertThat(uninstalled.uninstalledAt()).isNotNull();
        assertThat(browser.get(jira.site().configurePageUrl(), Map.of()).status()).isEqualTo(401);
    }
}
