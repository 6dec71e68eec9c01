package dev.ferry.e2e;

import static dev.ferry.e2e.Events.guardrail;

import dev.ferry.delivery.DeliveryDrain;
import dev.ferry.panel.GlanceDrain;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Ferry's CPU per warm delivery, measured in the JVM (not a test: it asserts nothing; run it by name,
 * {@code mvn -B -o -q -pl app test -Dtest=DeliveryCpuBench -Dsurefire.failIfNoSpecifiedTests=false}). A warm-up
 * round, then {@link #ROUNDS} rounds of {@link #OBJECTS} tickets and as many comments, drained on this thread. Ferry's
 * CPU is this thread's (claims, SQL on the embedded H2, templates, request bodies) plus the JDK HTTP client's own
 * threads; the simulated Jira's threads are left out. Like {@code DeliveryCostIT}, it needs a JVM of its own.
 */
@SiteKind.Only(SiteKind.INSTALL)
@TestPropertySource(properties = {"ferry.lookup-cache.ttl=5s", "ferry.delivery.status-fresh-for=10s",
        "ferry.connect.tenant-cache-ttl=1s", "ferry.forge.installations.cache-ttl=1s"})
class DeliveryCpuBench extends WithLinkedDestination {

    private static final int OBJECTS = 50;
    private static final int ROUNDS = 4;

    @Test
    void cpuPerWarmDelivery() {
        for (int w = 0; w < 12; w++) {
            round("warm", w);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> clientBefore = httpClientCpu(threads);
        long own = 0;
        for (int r = 0; r < ROUNDS; r++) {
            own += round("run" + r, 0);
        }
        long client = 0;
        for (Map.Entry<Long, Long> after : httpClientCpu(threads).entrySet()) {
            client += after.getValue() - clientBefore.getOrDefault(after.getKey(), 0L);
        }
        int deliveries = ROUNDS * OBJECTS * 2;
        System.out.printf("delivery cpu bench: %d deliveries, %.2f ms per delivery on the draining thread,"
                + " %.2f ms with the HTTP client's threads%n", deliveries, own / 1e6 / deliveries,
                (own + client) / 1e6 / deliveries);
    }

    /** Files OBJECTS tickets and comments once on each; answers the draining thread's CPU in nanoseconds. */
    private long round(String name, int salt) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < OBJECTS; i++) {
                api.postEvent(guardrail(name + "-" + salt + "-" + i, "Experiment " + i));
            }
            long start = threads.getCurrentThreadCpuTime();
            DeliveryDrain.drain(context);
            GlanceDrain.drain(context);
            cpu += threads.getCurrentThreadCpuTime() - start;
        }
        return cpu;
    }

    private static Map<Long, Long> httpClientCpu(ThreadMXBean threads) {
        Map<Long, Long> cpu = new HashMap<>();
        Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds())).filter(info -> info != null
                && info.getThreadName().startsWith("HttpClient-")).forEach(info -> cpu.put(info.getThreadId(),
                        threads.getThreadCpuTime(info.getThreadId())));
        return cpu;
    }
}
