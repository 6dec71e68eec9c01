package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.ingest.Activity;
import dev.ferry.ingest.ActivityKind;
import dev.ferry.ingest.ActivitySource;
import dev.ferry.ingest.ActivityStore;
import dev.ferry.ingest.IngestTarget;
import dev.ferry.simulator.JiraSimulator;
import dev.ferry.site.SiteDirectory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Activities and people as the reading journeys need them: activities stored through ingest's own store (as the
 * streams store them), people and their identities written straight into the people tables.
 */
final class ActivityFixtures {

    private final ActivityStore store;
    private final SiteDirectory sites;
    private final JdbcTemplate jdbc;
    private int next;

    ActivityFixtures(ActivityStore store, SiteDirectory sites, JdbcTemplate jdbc) {
        this.store = store;
        this.sites = sites;
        this.jdbc = jdbc;
    }

    /** Connects {@code site} with an API token of a new account; answers the connection's id. */
    static String connect(ProductApi api, JiraSimulator site, String accountId, String name) {
        String email = name.toLowerCase().replace(' ', '.') + "@acme.example";
        String token = "ATATT3xFfGF0-activity-" + accountId.replace(':', '-');
        site.data().accounts().add(accountId, email, name);
        site.credentials().addApiToken(email, token);
        ProductApi.Reply added = api.post("/api/v1/connections", "{\"siteUrl\":\"" + site.baseUrl() + "\",\"email\":\""
                + email + "\",\"token\":\"" + token + "\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return added.json().path("id").asString();
    }

    /** Stores the activities as the connection's streams would. */
    void store(String organizationId, String connectionId, List<Activity> activities) {
        var site = sites.callable(connectionId).orElseThrow();
        store.store(new IngestTarget(organizationId, connectionId, site, Optional.empty()), activities);
    }

    /** One activity of {@code kind} by {@code actor} at {@code at}, its natural key new. */
    Activity activity(ActivityKind kind, String actor, String actorName, Instant at, String title) {
        int n = ++next;
        boolean jira = kind.source() == ActivitySource.JIRA;
        return new Activity("test:" + n, kind, actor, actorName, at, jira ? "issue" : "page", String.valueOf(10000 + n),
                jira ? "FERRY-" + n : null, jira ? "FERRY" : "ENG", title, "{\"field\":\"status\",\"to\":\"Done\"}",
                "https://acme.example/browse/FERRY-" + n);
    }

    /** A person of the product; answers Ferry's id for them. */
    String person(String organizationId, String externalId, String name) {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into person (id, organization_id, external_id, name, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?)", id, organizationId, externalId, name, now, now);
        return id;
    }

    /** Maps {@code accountId} on {@code connectionId} to the person. */
    void map(String organizationId, String personId, String connectionId, String accountId) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into person_identity (id, person_id, organization_id, connection_id, account_id, state,"
                + " created_at, resolved_at) values (?, ?, ?, ?, ?, 'RESOLVED', ?, ?)", UUID.randomUUID().toString(),
                personId, organizationId, connectionId, accountId, now, now);
    }
}
