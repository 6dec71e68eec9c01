package dev.ferry.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One wrk run: its report, and the deliveries its script counted. */
record WrkResult(String output, long sent, long answered, long failed) {

    static final int THREADS = 2;

    private static final Pattern COUNTS = Pattern.compile("deliveries sent (\\d+) answered (\\d+) failed (\\d+)");

    /** Runs one second longer than the script sends deliveries, so the last ones are answered. */
    static WrkResult run(int port, Path script, int connections, Duration deliveries) throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder("wrk", "-t" + THREADS, "-c" + connections, "-d" + (deliveries.toSeconds() + 1) + "s",
                "--latency", "-s", script.toString(), "http://127.0.0.1:" + port + WebhookBench.PATH)
                .redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher counts = COUNTS.matcher(output);
        if (wrk.waitFor() != 0 || !counts.find()) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        return new WrkResult(output, Long.parseLong(counts.group(1)), Long.parseLong(counts.group(2)),
                Long.parseLong(counts.group(3)));
    }

    void print(BenchOptions options) {
        System.out.println("---- wrk, " + options.connections() + " connections"
                + (options.rate() > 0 ? " at " + options.rate() + " deliveries/s" : "") + ", database " + options.database()
                + ", inbox worker " + (options.worker() ? "on" : "off") + ", JVM " + options.java() + " " + String.join(" ", options.jvmOptions())
                + " ----");
        System.out.println(output.strip());
        System.out.println("(after the deliveries, a few health checks per connection, until each thread's deliveries are answered)");
        System.out.println("----");
    }
}
