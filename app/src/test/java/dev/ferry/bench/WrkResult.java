package dev.ferry.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One wrk run and what it reported. */
record WrkResult(String output, long requests, long non2xx, long socketErrors) {

    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    static WrkResult run(int port, Path script, int connections, Duration duration) throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + duration.toSeconds() + "s", "--latency",
                "-s", script.toString(), "http://127.0.0.1:" + port + WebhookBench.PATH).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        return new WrkResult(output, number(REQUESTS, output, 1), number(NON_2XX, output, 1), socketErrors(output));
    }

    /** Requests wrk saw answered 2xx; a request cut off by the end of the run is not counted by wrk either. */
    long answered2xx() {
        return requests - non2xx;
    }

    void print(BenchOptions options) {
        System.out.println("---- wrk, " + options.connections() + " connections, database " + options.database()
                + ", inbox worker " + (options.worker() ? "on" : "off") + " ----");
        System.out.println(output.strip());
        System.out.println("----");
    }

    private static long number(Pattern pattern, String output, int group) {
        Matcher matcher = pattern.matcher(output);
        return matcher.find() ? Long.parseLong(matcher.group(group)) : 0;
    }

    private static long socketErrors(String output) {
        Matcher matcher = SOCKET.matcher(output);
        if (!matcher.find()) {
            return 0;
        }
        long sum = 0;
        for (int i = 1; i <= 4; i++) {
            sum += Long.parseLong(matcher.group(i));
        }
        return sum;
    }
}
