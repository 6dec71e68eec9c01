package dev.ferry.simulator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ferry, as the demo's child, never outlives the demo: stopped with it, or ending itself when it is killed. */
class FerryProcessTest {

    @TempDir
    Path work;
    private final List<ProcessHandle> started = new ArrayList<>();

    /** A failing run must not leave a stand-in sleeping forever (a handle never kills a reused pid). */
    @AfterEach
    void killLeftovers() {
        started.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void stoppingTheDemoStopsItsFerryChildBeforeTheDemoExits() throws Exception {
        Process demo = DemoProcesses.start(work, StandInDemo.class, work.resolve("data").toString());
        long child = childOf(demo);

        demo.destroy(); // SIGTERM, as Ctrl-C's SIGINT or an IDE's stop button: the JVM runs its shutdown hooks.
        assertThat(demo.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(DemoProcesses.gone(child)).as("Ferry stand-in %s once the demo has exited", child).isTrue();
    }

    @Test
    void killingTheDemoOutrightStillEndsItsFerryChild() throws Exception {
        Process demo = DemoProcesses.start(work, StandInDemo.class, work.resolve("data").toString());
        long child = childOf(demo);

        demo.destroyForcibly(); // SIGKILL: no shutdown hook runs; the child notices its parent is gone.
        assertThat(demo.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(DemoProcesses.goneWithin(child, Duration.ofSeconds(15))).as("Ferry stand-in %s", child).isTrue();
    }

    /** The pid of the demo's one child, once the demo says it has launched it. */
    private long childOf(Process demo) throws Exception {
        started.add(demo.toHandle());
        DemoProcesses.awaitLine(demo, StandInDemo.LAUNCHED);
        List<ProcessHandle> children = demo.toHandle().children().toList();
        assertThat(children).hasSize(1);
        started.add(children.get(0));
        assertThat(children.get(0).isAlive()).isTrue();
        return children.get(0).pid();
    }
}
