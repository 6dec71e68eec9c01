package dev.ferry.simulator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's start, run as a person runs it (its own JVM, from a folder without a built Ferry jar): it
 * refuses taken ports in one line, and starts from a clean demo database.
 */
class DemoTest {

    @TempDir
    Path work;

    @Test
    void aTakenFerryPortIsOneLineOnStderrAndExitCodeTwo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            DemoProcesses.Run run = demo("--once", "--port=" + taken.getLocalPort());

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.stderr()).isEqualTo("demo: Ferry's port " + taken.getLocalPort()
                    + " is taken on 127.0.0.1; choose another with --port=PORT\n");
        }
        assertThat(work.resolve("data")).as("nothing started, nothing deleted").doesNotExist();
    }

    @Test
    void aTakenJiraPortIsOneLineOnStderrAndExitCodeTwo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            DemoProcesses.Run run = demo("--once", "--jira-port=" + taken.getLocalPort());

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.stderr()).isEqualTo("demo: The simulated Jira site's port " + taken.getLocalPort()
                    + " is taken on 127.0.0.1; choose another with --jira-port=PORT\n");
        }
    }

    @Test
    void eachRunDeletesTheLastRunsDemoDatabaseKeyAndLogAndSaysSo() throws Exception {
        Path data = Files.createDirectories(work.resolve("data"));
        for (String file : new String[] {"demo.mv.db", "demo.trace.db", "demo-secret.key", "demo-ferry.log", "ferry.mv.db",
                "demo-notes.txt"}) {
            Files.writeString(data.resolve(file), "last run");
        }

        DemoProcesses.Run run = demo("--once");

        assertThat(run.stdout()).contains("Clean start: deleted the last run's demo database, key and log "
                + "(data/demo-ferry.log, data/demo-secret.key, data/demo.mv.db, data/demo.trace.db)");
        assertThat(data.resolve("demo.mv.db")).doesNotExist();
        assertThat(data.resolve("demo.trace.db")).doesNotExist();
        assertThat(data.resolve("demo-secret.key")).doesNotExist();
        assertThat(data.resolve("demo-ferry.log")).doesNotExist();
        assertThat(data.resolve("ferry.mv.db")).as("Ferry's own database, not the demo's").exists();
        assertThat(data.resolve("demo-notes.txt")).as("not a file the demo makes").exists();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).isEqualTo("demo: app/target/ferry.jar is missing; build it first with: "
                + "mvn -q package -DskipTests\n");
    }

    private DemoProcesses.Run demo(String... args) throws Exception {
        return DemoProcesses.Run.of(DemoProcesses.start(work, Demo.class, args));
    }
}
