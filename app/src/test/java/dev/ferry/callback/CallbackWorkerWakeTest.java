package dev.ferry.callback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.support.Eventually;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.Organizations;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A message written on this node is sent at once, though the idle worker would not look again by itself for half
 * a minute: the commit wakes it. (Another node's messages wait for the poll.)
 */
@FerryIntegrationTest
@TestPropertySource(properties = {"ferry.callbacks.worker-enabled=true", "ferry.callbacks.poll-interval=30s"})
class CallbackWorkerWakeTest {

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aTestMessageIsTriedAtOnceWhileTheIdleWorkerSleeps() throws Exception {
        Http http = new Http(port);
        String[] auth = organizations.key(organizations.create("Acme").id()).auth();
        HttpResponse<String> added = http.post("/api/v1/callbacks", "{\"url\":\"http://127.0.0.1:" + closedPort()
                + "/callbacks\"}", auth);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        String endpoint = JsonMapper.builder().build().readTree(added.body()).path("id").asString();
        Thread.sleep(300); // the worker's first look, at start-up, is over: it sleeps its 30 s now

        assertThat(http.post("/api/v1/callbacks/" + endpoint + "/test", "", auth).statusCode()).isEqualTo(202);

        Eventually.await(() -> attempts() > 0);
        assertThat(attempts()).as("the message was tried (the endpoint refuses the connection)").isEqualTo(1);
    }

    private int attempts() {
        return jdbc.sql("select attempts from callback_message").query(Integer.class).single();
    }

    /** A loopback port nothing listens on: the attempt fails at once, and counts. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
