package dev.ferry.bench;

import dev.ferry.connect.CanonicalRequest;
import dev.ferry.connect.JwtSigner;
import dev.ferry.support.InstallKeyServer;
import dev.ferry.support.Installs;
import dev.ferry.support.IssueEvents;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Loads Ferry's webhook endpoint over loopback with wrk: starts the built jar on a fresh database,
 * installs a site with a signed install, sends signed deliveries with unique identifiers, then stops
 * Ferry and counts the stored deliveries, which must equal the deliveries answered 2xx.
 * Run through {@code bench/webhooks.sh}.
 */
public final class WebhookBench {

    static final String PATH = "/webhooks/comment-created";
    static final String SITE = "bench-site";
    /** How long a drain runs before its figures count as warm: the JIT compiler's first burst is over by then. */
    private static final Duration WARMING = Duration.ofSeconds(10);

    public static void main(String[] args) {
        // The loopback install-key server keeps a non-daemon thread: without an exit the JVM would stay.
        try {
            run(args);
            System.exit(0);
        } catch (Exception failed) {
            failed.printStackTrace();
            System.exit(2);
        }
    }

    private static void run(String[] args) throws Exception {
        boolean drain = List.of(args).contains("--drain");
        boolean process = drain || List.of(args).contains("--process");
        BenchOptions options = BenchOptions.parse(process ? processDefaults(args, !drain) : args);
        Path work = Files.createTempDirectory("ferry-bench");
        String database = options.databaseUrl(work);
        options.resetDatabase();
        int port = freePort();
        String secret = "bench-shared-secret-" + UUID.randomUUID();
        // The sampler reads the backlog while Ferry holds the H2 file: through the server H2 starts in Ferry's JVM.
        String ferryDatabase = process && !options.database().equals("postgres") ? database + ";AUTO_SERVER=TRUE" : database;
        Process ferry = startFerry(options, ferryDatabase, port, work);
        try {
            awaitHealthy(port);
            install(port, secret);
            if (drain) {
                draining(options, ferry, ferryDatabase, port, work, secret);
                return;
            }
            if (process) {
                processing(options, ferry, ferryDatabase, port, work, secret);
                return;
            }
            System.out.println("warming up for " + options.warmup().toSeconds() + " s …");
            WrkResult warmup = WrkResult.run(port, luaScript(work, secret, options.warmup(), 0), options.connections(),
                    options.warmup());
            System.out.println("measuring " + options.connections() + " connections for " + options.duration().toSeconds()
                    + " s" + (options.rate() > 0 ? " at " + options.rate() + " deliveries/s" : " as fast as Ferry answers") + " …");
            CpuSample before = CpuSample.take(ferry.pid());
            WrkResult measured = WrkResult.run(port, luaScript(work, secret, options.duration(), options.rate()),
                    options.connections(), options.duration());
            CpuSample used = CpuSample.take(ferry.pid()).minus(before);
            stop(ferry);
            long stored = options.countStored(database);
            measured.print(options);
            long sent = warmup.sent() + measured.sent();
            long answered = warmup.answered() + measured.answered();
            boolean exact = stored == answered;
            System.out.printf("deliveries/s (measured phase): %.0f%n", measured.answered() / (double) options.duration().toSeconds());
            System.out.print(used.describe(measured.answered(), options.database().equals("postgres")));
            System.out.printf("deliveries sent %d, answered 204 %d, failed %d, stored %d (warm-up + measured)%n%s%n",
                    sent, answered, warmup.failed() + measured.failed(), stored,
                    exact ? "OK: stored deliveries equal deliveries answered 204"
                            : "MISMATCH: stored deliveries differ from deliveries answered 204");
            if (!exact) {
                System.exit(1);
            }
        } finally {
            ferry.destroyForcibly();
        }
    }

    /**
     * {@code --process} runs at 8,000 deliveries/s for 60 s with the inbox worker on, unless told otherwise;
     * {@code --drain} loads the same with the worker off, then lets it work.
     */
    private static String[] processDefaults(String[] args, boolean worker) {
        List<String> given = new ArrayList<>(List.of(args));
        given.remove("--process");
        given.remove("--drain");
        List<String> all = new ArrayList<>(List.of("--rate=8000", "--duration=60s", "--warmup=10s"));
        all.addAll(given);
        all.add("--worker=" + worker);
        return all.toArray(String[]::new);
    }

    /**
     * The processing side on its own ({@code --drain}): the load at the rate for the duration with the inbox worker
     * off, so the backlog is everything received; then Ferry restarts with its worker on and works it off with the
     * cores to itself, neither wrk nor the receiving side taking any. From the first backlog read after the restart
     * until it is 0: deliveries processed per second, and Ferry's CPU per delivery processed (a cold JVM: its JIT
     * compiler included). At least the rate says the workers alone process what the load brought in that long.
     */
    private static void draining(BenchOptions options, Process loading, String database, int port, Path work,
            String secret) throws Exception {
        System.out.println("loading for " + options.duration().toSeconds() + " s at " + options.rate()
                + " deliveries/s, the inbox workers off …");
        WrkResult load = WrkResult.run(port, luaScript(work, secret, options.duration(), options.rate()),
                options.connections(), options.duration());
        stop(loading);
        load.print(options);
        options.analyzeWithoutAutovacuum("webhook_delivery");
        Process ferry = startFerry(options.withWorker(true), database, port, work);
        try {
            awaitHealthy(port);
            try (InboxBacklog backlog = InboxBacklog.open(database)) {
                CpuSample before = CpuSample.take(ferry.pid());
                long start = System.nanoTime();
                long first = backlog.pending();
                long pending = first;
                long deadline = start + Duration.ofMinutes(5).toNanos();
                long warmFrom = start + WARMING.toNanos();
                CpuSample warm = null;
                long pendingWarm = 0;
                while (pending > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                    pending = backlog.pending();
                    if (warm == null && System.nanoTime() >= warmFrom) {
                        warm = CpuSample.take(ferry.pid());
                        pendingWarm = pending;
                    }
                }
                CpuSample end = CpuSample.take(ferry.pid());
                CpuSample used = end.minus(before);
                InboxBacklog.Tally tally = backlog.tally();
                stop(ferry);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("deliveries answered 204 during the load: %d (%.0f/s), failed %d%n", load.answered(),
                        load.answered() / (double) options.duration().toSeconds(), load.failed());
                System.out.printf("backlog at the first read after the restart: %d; 0 after %s%n", first,
                        pending > 0 ? "NOT within 5 minutes" : String.format("%.1f s", seconds));
                double perSecond = first / seconds;
                System.out.printf("processed: %.0f deliveries/s with the cores to the workers%n", perSecond);
                System.out.print(used.describe(first, options.database().equals("postgres")));
                System.out.println("(Ferry's CPU here is processing alone, from a cold start)");
                double warmPerSecond = warmRate(warm, end, pendingWarm, options.database().equals("postgres"));
                System.out.println(tally.describe(load.answered()));
                boolean ok = pending == 0 && tally.exactlyOnce(load.answered()) && warmPerSecond >= options.rate();
                System.out.println((ok ? "KEPT UP: " : "BEHIND: ") + String.format("the workers alone processed %.0f "
                        + "deliveries/s warm against %d/s received", warmPerSecond, options.rate()));
                System.exit(ok ? 0 : 1);
            }
        } finally {
            ferry.destroyForcibly();
        }
    }

    /**
     * Prints the drain's figures once warm, from {@link #WARMING} into the drain until the backlog was 0, and returns
     * the deliveries processed per second then; 0 when the drain ended before it was warm (a longer load makes
     * a longer drain).
     */
    private static double warmRate(CpuSample warm, CpuSample end, long pendingWarm, boolean postgres) {
        if (warm == null || pendingWarm == 0) {
            System.out.println("warm: the drain ended within its first " + WARMING.toSeconds()
                    + " s; give a longer --duration for a warm figure");
            return 0;
        }
        CpuSample used = end.minus(warm);
        double perSecond = pendingWarm / used.seconds();
        System.out.printf("warm, from %d s into the drain: %d deliveries at %.0f/s%n", WARMING.toSeconds(), pendingWarm,
                perSecond);
        System.out.print(used.describe(pendingWarm, postgres));
        return perSecond;
    }

    /**
     * The processing side: a warm-up at the rate (on PostgreSQL without autovacuum, then an {@code ANALYZE} of the
     * inbox, which the warm-up grew from empty), a wait until the workers have caught up, then the load at the
     * rate for the duration while a sampler reads the backlog (deliveries stored and not yet processed) each second,
     * and afterwards until it is back to 0. The verdict: the workers kept up when the backlog is back to 0 within
     * {@link InboxBacklog#CATCH_UP} of the load's end, every delivery was processed, and each exactly once.
     */
    private static void processing(BenchOptions options, Process ferry, String database, int port, Path work,
            String secret) throws Exception {
        try (InboxBacklog backlog = InboxBacklog.open(database)) {
            System.out.println("warming up for " + options.warmup().toSeconds() + " s at " + options.rate() + " deliveries/s …");
            WrkResult warmup = WrkResult.run(port, luaScript(work, secret, options.warmup(), options.rate()),
                    options.connections(), options.warmup());
            options.analyzeWithoutAutovacuum("webhook_delivery");
            backlog.awaitEmpty(Duration.ofMinutes(2));
            System.out.println("measuring " + options.connections() + " connections for " + options.duration().toSeconds()
                    + " s at " + options.rate() + " deliveries/s, the inbox workers on …");
            CpuSample before = CpuSample.take(ferry.pid());
            backlog.startSampling();
            WrkResult measured = WrkResult.run(port, luaScript(work, secret, options.duration(), options.rate()),
                    options.connections(), options.duration());
            InboxBacklog.Drain drain = backlog.stopSamplingOnceEmpty();
            CpuSample used = CpuSample.take(ferry.pid()).minus(before);
            InboxBacklog.Tally tally = backlog.tally();
            stop(ferry);
            measured.print(options);
            System.out.printf("deliveries/s (measured phase): %.0f, answered 204 %d, failed %d%n",
                    measured.answered() / (double) options.duration().toSeconds(), measured.answered(), measured.failed());
            System.out.print(drain.describe());
            System.out.print(used.describe(measured.answered(), options.database().equals("postgres")));
            System.out.println("(Ferry's CPU here is receiving and processing; the run without --process gives receiving alone)");
            long answered = warmup.answered() + measured.answered();
            System.out.println(tally.describe(answered));
            boolean processedAll = drain.caughtUp() && tally.exactlyOnce(answered) && measured.failed() == 0;
            boolean rateReached = measured.answered() >= options.rate() * options.duration().toSeconds() * 99 / 100;
            boolean keptUp = processedAll && rateReached;
            if (keptUp) {
                System.out.println("KEPT UP: " + options.rate() + " deliveries/s answered, each processed once, and the backlog "
                        + "back to 0 within " + InboxBacklog.CATCH_UP.toSeconds() + " s of the load's end");
            } else if (processedAll) {
                System.out.printf("RATE NOT REACHED: the workers kept up with every delivery answered (backlog back to 0 "
                        + "within %d s, each processed once), but only %.0f of %d deliveries/s were answered%n",
                        InboxBacklog.CATCH_UP.toSeconds(), measured.answered() / (double) options.duration().toSeconds(),
                        options.rate());
                System.out.print(used.limit(measured.answered(), options.rate(), options.database().equals("postgres")));
            } else {
                System.out.println("FELL BEHIND: see the backlog, the tally and the CPU above (on a shared machine, anything "
                        + "else running takes cores from Ferry)");
            }
            System.exit(keptUp ? 0 : 1);
        }
    }

    static Process startFerry(BenchOptions options, String database, int port, Path work) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        List<String> command = new ArrayList<>();
        command.add(options.java().toString());
        command.addAll(options.jvmOptions());
        command.addAll(List.of("-jar", options.jar().toString(), "--server.port=" + port, "--management.server.port=0",
                "--spring.datasource.url=" + database, "--ferry.secret-key=" + Base64.getEncoder().encodeToString(key),
                "--ferry.connect.install-keys-urls=" + InstallKeyServer.INSTANCE.url(),
                // The outbound guard lets Ferry call Atlassian Cloud only; anything it calls here is on loopback.
                "--ferry.outbound.allowed-hosts=127.0.0.1",
                "--ferry.webhooks.worker-enabled=" + options.worker(), "--logging.level.root=WARN",
                // A webhook node: the ticket outbox and glance workers have nothing to do here.
                "--ferry.delivery.worker-enabled=false", "--ferry.panels.glance-worker-enabled=false",
                "--server.tomcat.threads.max=" + options.serverThreads()));
        command.addAll(options.extraFerryArguments());
        return new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("ferry.log").toFile()).start();
    }

    static void awaitHealthy(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 3_000; i++) {
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Ferry did not start within five minutes");
    }

    static void install(int port, String secret) throws Exception {
        String path = "/lifecycle/installed";
        Map<String, Object> claims = claims(SITE, "POST", path, 180);
        claims.put("aud", "http://localhost:8080");
        String token = JwtSigner.rs256(claims, InstallKeyServer.INSTANCE.keyPair("bench-kid").getPrivate(), "bench-kid");
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "JWT " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Installs.installed(SITE, secret))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 204) {
            throw new IllegalStateException("install failed: " + response.statusCode() + " " + response.body());
        }
    }

    static Map<String, Object> claims(String issuer, String method, String path, long lifetimeSeconds) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("iat", now);
        claims.put("exp", now + lifetimeSeconds);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("qsh", CanonicalRequest.of(method, path, null, "").qsh());
        return claims;
    }

    /**
     * One token for the whole run (its qsh binds only method and path) and a unique identifier per
     * delivery. Every delivery is counted: 204 answered, anything else failed. Deliveries stop at the
     * deadline, wrk's duration less one second; a connection then sends health checks until each of its
     * thread's deliveries is answered, and the thread stops at once, so no delivery is cut off unanswered
     * and only a handful of health checks (a few per connection) join the latency figures, which count
     * every request.
     * With a {@code rate}, each wrk thread sends on a fixed schedule (its share of the rate) instead of as
     * soon as an answer comes; a thread that falls behind sends at once until it is back on schedule,
     * so the offered rate holds through a stall.
     */
    static Path luaScript(Path work, String secret, Duration deliveries, int rate) throws IOException {
        String token = JwtSigner.hs256(claims(SITE, "POST", PATH, 3_000), secret);
        String body = IssueEvents.comment("10001", System.currentTimeMillis()).replace("\\", "\\\\").replace("\"", "\\\"");
        String lua = """
                -- CLOCK_MONOTONIC in milliseconds, through LuaJIT's FFI (os.time() counts whole seconds).
                local ffi = require("ffi")
                ffi.cdef[[
                typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
                int clock_gettime(int clock, bench_timespec *t);
                ]]
                local clock = ffi.new("bench_timespec")
                local function millis()
                  ffi.C.clock_gettime(1, clock)
                  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1000000
                end
                local threads = {}
                function setup(thread)
                  table.insert(threads, thread)
                  thread:set("tid", #threads)
                end
                sent, answered, failed = 0, 0, 0
                local prefix, deadline
                local body = "%s"
                local health
                function init(args)
                  health = wrk.format("GET", "/livez")
                  prefix = "bench-" .. tid .. "-" .. os.time() .. "-"
                  deadline = millis() + %d
                end
                local checked = false
                request = function()
                  if not checked then
                    -- wrk calls request() once on its first thread before the run, only to check the
                    -- request it builds; that one is never sent, so it must not count as a delivery.
                    checked = true
                    if tid == 1 then
                      return health
                    end
                  end
                  if millis() >= deadline then
                    return health
                  end
                  sent = sent + 1
                  return wrk.format("POST", "%s", {
                    ["Authorization"] = "JWT %s",
                    ["Content-Type"] = "application/json",
                    ["X-Atlassian-Webhook-Identifier"] = prefix .. sent
                  }, body)
                end
                response = function(status, headers, body)
                  if status == 204 then
                    answered = answered + 1
                  elseif status ~= 200 then
                    failed = failed + 1
                    if failed == 1 then
                      io.write("first failure: HTTP " .. status .. " " .. body .. "\\n")
                    end
                  end
                  if answered + failed >= sent and millis() >= deadline then
                    wrk.thread:stop()
                  end
                end
                function done(summary, latency, requests)
                  local s, a, f = 0, 0, 0
                  for _, thread in ipairs(threads) do
                    s = s + thread:get("sent")
                    a = a + thread:get("answered")
                    f = f + thread:get("failed")
                  end
                  io.write(string.format("deliveries sent %%d answered %%d failed %%d\\n", s, a, f))
                end
                """.formatted(body, deliveries.toMillis(), PATH, token) + (rate > 0 ? paced(rate) : "");
        Path script = work.resolve("webhooks-" + deliveries.toSeconds() + "s.lua");
        Files.writeString(script, lua);
        return script;
    }

    /** wrk asks {@code delay()} before each request when the script has one. */
    private static String paced(int rate) {
        return """
                local interval = 1000 / (%d / %d)
                local slot
                function delay()
                  local now = millis()
                  slot = (slot or now) + interval
                  if slot <= now then
                    return 0
                  end
                  return slot - now
                end
                """.formatted(rate, WrkResult.THREADS);
    }

    static void stop(Process ferry) throws InterruptedException {
        ferry.destroy();
        ferry.waitFor();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private WebhookBench() {
    }

    static long count(String database) throws Exception {
        try (var connection = DriverManager.getConnection(database);
             var statement = connection.createStatement();
             var rows = statement.executeQuery("select count(*) from webhook_delivery")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
