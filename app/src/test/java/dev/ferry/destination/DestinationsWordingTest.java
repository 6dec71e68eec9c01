package dev.ferry.destination;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.account.People;
import dev.ferry.principal.Role;
import dev.ferry.support.ConsoleClient;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Organizations;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The destinations page names a site people can read, never its clientKey. */
@FerryIntegrationTest
class DestinationsWordingTest {

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    @Autowired
    People people;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aDestinationWhoseSiteIsNoLongerLinkedSaysSoInsteadOfShowingTheClientKey() {
        Organizations.Org acme = organizations.create("Acme");
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into destination (id, version, organization_id, client_key, project_key, state, created_at, updated_at)
                values (?, 1, ?, 'b0a7c1e2-unlinked-client-key', 'FERRY', 'ACTIVE', ?, ?)""")
                .params(UUID.randomUUID().toString(), acme.id(), now, now).update();
        var console = ConsoleClient.signIn(port, people.create(acme.id(), Role.MANAGER));

        String page = console.get("/admin/destinations").body();

        assertThat(page).contains(">a site no longer linked</td>").doesNotContain("b0a7c1e2-unlinked-client-key");
    }
}
