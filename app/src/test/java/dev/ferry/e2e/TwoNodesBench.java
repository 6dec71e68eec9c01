package dev.ferry.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link TwoNodesIT}'s scenario as a benchmark ({@code bench/nodes.sh}): two nodes from the jar on one
 * PostgreSQL schema, more traffic, one node killed with SIGKILL part way. Reports what each node acknowledged,
 * what was lost or doubled (must be 0), and how long the survivor took to finish after the kill (at least the
 * lease: the killed node's claims wait for it). Exits 1 when anything was lost or doubled.
 * Options: {@code --objects=1000 --webhooks=2000 --threads=16 --kill-at=0.4 --lease=20s --latency=20
 * --database=jdbc:postgresql://127.0.0.1:5432/test?user=postgres --schema=ferry_bench_nodes --jvm="-Xmx512m"
 * --jar=app/target/ferry.jar}; further {@code --ferry.…=…} arguments go to both nodes.
 */
public final class TwoNodesBench {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        List<String> ferryArguments = new java.util.ArrayList<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            if (pair[0].startsWith("ferry.") || pair[0].startsWith("spring.")) {
                ferryArguments.add(arg);
            } else {
                options.put(pair[0], pair.length > 1 ? pair[1] : "true");
            }
        }
        // Singleton jobs due every few seconds, so both nodes try them throughout the run; a named setting wins.
        for (String setting : List.of("--ferry.links.reconcile-cron=*/5 * * * * *", "--ferry.oauth.refresh-every=2s",
                "--ferry.schedule.lease=10s")) {
            String name = setting.substring(0, setting.indexOf('=') + 1);
            if (ferryArguments.stream().noneMatch(given -> given.startsWith(name))) {
                ferryArguments.add(setting);
            }
        }
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        TwoNodeRun.Plan plan = new TwoNodeRun.Plan(
                options.getOrDefault("database", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"),
                options.getOrDefault("schema", "ferry_bench_nodes"),
                Integer.parseInt(options.getOrDefault("objects", "1000")),
                Integer.parseInt(options.getOrDefault("webhooks", "2000")),
                Integer.parseInt(options.getOrDefault("threads", "16")),
                Double.parseDouble(options.getOrDefault("kill-at", "0.4")),
                Duration.parse("PT" + options.getOrDefault("lease", "20s").toUpperCase()),
                Duration.ofMillis(Long.parseLong(options.getOrDefault("latency", "20"))), Duration.ofMinutes(10),
                List.of(options.getOrDefault("jvm", "-Xmx512m").split(" ")), ferryArguments);
        Path work = Files.createTempDirectory("ferry-nodes-bench");
        System.out.printf("two nodes on %s schema %s: %d objects (%d events), %d webhooks from %d threads, SIGKILL at"
                + " %.0f%%, leases %s, Jira answering after %d ms; logs in %s%n", plan.database(), plan.schema(),
                plan.objects(), 2 * plan.objects(), plan.webhooks(), plan.senderThreads(), 100 * plan.killAtShare(),
                plan.lease(), plan.latency().toMillis(), work);
        TwoNodeRun.Outcome outcome = new TwoNodeRun(plan, work)
                .run(Path.of(options.getOrDefault("jar", "app/target/ferry.jar")).toAbsolutePath());
        outcome.report().forEach(System.out::println);
        boolean wrong = outcome.lostTickets() + outcome.duplicateTickets() + outcome.lostComments()
                + outcome.duplicateComments() + outcome.lostWebhooks() + outcome.duplicateWebhooks()
                + outcome.unknownTickets().size() > 0 || !outcome.undone().isEmpty()
                || !outcome.webhookStatuses().keySet().equals(java.util.Set.of("PROCESSED"))
                || outcome.jobRuns() != null && !TwoNodeRun.SingletonRuns.overlaps(outcome.jobRuns(), outcome.killed()).isEmpty()
                || outcome.jobRuns() != null && outcome.jobRuns().stream().anyMatch(run -> "FAILED".equals(run.outcome()));
        System.out.println(wrong ? "FAILED: something was lost, doubled, left undone, run twice at once or failed" : "OK");
        System.exit(wrong ? 1 : 0);
    }

    private TwoNodesBench() {
    }
}
