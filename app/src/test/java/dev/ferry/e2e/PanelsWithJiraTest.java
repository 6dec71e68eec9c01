package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.link.IssueState;
import dev.ferry.panel.GlanceDrain;
import dev.ferry.link.LinkOrigin;
import dev.ferry.link.LinkedObject;
import dev.ferry.link.TicketLink;
import dev.ferry.link.TicketLinks;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.simulator.app.AppClient;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The panels against the Jira simulator over real HTTP: the glance badge lands in Jira as the issue
 * property Jira reads, and the panel's refresh asks Jira for the status (and notices a deleted issue).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
class PanelsWithJiraTest {

    static final JiraSimulator jira = JiraSimulator.start();
    static final int PORT = FerryBesideJira.freePort();
    static final String FERRY = FerryBesideJira.baseUrl(PORT);
    static final String BADGE = "com.atlassian.jira.issue:ferry-for-jira:ferry-linked-objects:status";

    @Autowired
    TicketLinks links;
    @Autowired
    ApplicationContext context;
    String clientKey;
    String issueKey;
    String issueId;

    @DynamicPropertySource
    static void ferryTalksToTheSimulator(DynamicPropertyRegistry registry) {
        FerryBesideJira.register(registry, jira, PORT);
    }

    @AfterAll
    static void stopSimulator() {
        jira.close();
    }

    @BeforeEach
    void installAndFileAnIssue() {
        clientKey = jira.site().identity().clientKey();
        assertThat(jira.site().install(FERRY).status()).isEqualTo(204);
        issueKey = jira.admin().createIssue("FERRY", "Bug", "[Guardrail] latency breached on Checkout v2");
        issueId = jira.site().issueContext(issueKey).issueId();
    }

    @Test
    void linkingSetsTheGlanceBadgeInJira() {
        link("exp-1");
        link("exp-2");

        assertThat(GlanceDrain.drain(context)).isEqualTo(1);

        assertThat(jira.data().issueProperty(issueKey, BADGE)).hasValueSatisfying(badge -> {
            assertThat(badge.path("type").asText()).isEqualTo("badge");
            assertThat(badge.path("value").path("label").asText()).isEqualTo("2");
        });
        jira.assertNoSpecViolations();
    }

    @Test
    void refreshReadsTheStatusFromJira() {
        TicketLink link = link("exp-3");
        jira.admin().transition(issueKey, "In Progress");

        var reply = refresh(link);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("\"statusName\":\"In Progress\"").contains("\"statusCategory\":\"indeterminate\"");
        assertThat(links.find(clientKey, link.id()).orElseThrow().statusCategory()).isEqualTo("indeterminate");
        jira.assertNoSpecViolations();
    }

    @Test
    void refreshNoticesAnIssueDeletedBehindFerrysBack() {
        TicketLink link = link("exp-4");
        String token = contextToken();
        jira.data().deleteIssue(issueKey);

        var reply = refresh(link, token);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("\"issueDeleted\":true");
    }

    TicketLink link(String objectId) {
        return links.link(clientKey, new IssueState(issueId, issueKey, "To Do", "new", Instant.now()),
                new LinkedObject("experiment", objectId, "Experiment " + objectId, "https://product.example/" + objectId,
                        "running"), LinkOrigin.AUTOMATIC);
    }

    AppClient.Reply refresh(TicketLink link) {
        return refresh(link, contextToken());
    }

    String contextToken() {
        return jira.site().contextToken(jira.site().issueContext(issueKey));
    }

    AppClient.Reply refresh(TicketLink link, String token) {
        return new AppClient().postJson(FERRY + "/panels/api/links/" + link.id() + "/refresh", "",
                Map.of("Authorization", "JWT " + token));
    }
}
