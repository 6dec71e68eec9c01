package dev.ferry.e2e;

import dev.ferry.account.People;
import dev.ferry.simulator.JiraSimulator;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Where the journeys of tickets start: the organization Acme Experiments, the simulated site linked to it
 * the {@link SiteKind} way (each subclass runs once per kind, or over those {@link SiteKind.Only} names), and a
 * destination for the site's project FERRY with the preset's rules.
 */
@FerryJourney
@ParameterizedClass(name = "over {0}")
@ArgumentsSource(SiteKind.Each.class)
abstract class WithLinkedDestination {

    @Autowired
    ApplicationContext context;

    @Parameter
    SiteKind kind;

    Journey journey;
    JiraSimulator jira;
    ProductApi api;
    Journey.LinkedSite site;
    String clientKey;
    String destination;

    @BeforeEach
    void acmeLinksTheSiteAndAddsADestination(Journey journey) {
        this.journey = journey;
        jira = journey.jira();
        site = journey.linkedSite(kind, context.getBean(People.class));
        api = site.api();
        clientKey = site.clientKey();
        destination = site.addDestination("FERRY");
    }

    /** How the audit log names Acme's API key, the one {@link #api} calls with. */
    String keyActor() {
        return "api-key:" + context.getBean(JdbcClient.class).sql("select id from api_key where organization_id = ?")
                .param(api.organizationId()).query(String.class).single();
    }

    /** The newest audit record of the action, as the audit API answers it. */
    JsonNode lastAudited(String action) {
        JsonNode records = api.get("/api/v1/audit?action=" + action).json().path("records");
        assertThat(records).as("audited " + action).isNotEmpty();
        return records.get(0);
    }

    /** Ferry's one Jira client called the site the kind's way only: nothing above it chose another. */
    @AfterEach
    void everyCallJiraAcceptedWentTheKindsWay() {
        assertThat(jira.calls()).filteredOn(call -> call.authKind() != null)
                .allSatisfy(call -> assertThat(call.authKind()).as(call.method() + " " + call.path()).isEqualTo(kind.auth));
    }
}
