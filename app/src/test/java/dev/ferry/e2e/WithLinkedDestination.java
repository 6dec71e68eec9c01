package dev.ferry.e2e;

import dev.ferry.simulator.JiraSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Where the journeys of tickets start: the organization Acme Experiments, the simulated site installed and
 * linked to it, and a destination for the site's project FERRY with the preset's rules.
 */
@FerryJourney
abstract class WithLinkedDestination {

    @Autowired
    ApplicationContext context;

    Journey journey;
    JiraSimulator jira;
    ProductApi api;
    String clientKey;
    String destination;

    @BeforeEach
    void acmeLinksTheSiteAndAddsADestination(Journey journey) {
        this.journey = journey;
        jira = journey.jira();
        Journey.LinkedSite acme = journey.linkedSite();
        api = acme.api();
        clientKey = acme.clientKey();
        destination = acme.addDestination("FERRY");
    }
}
