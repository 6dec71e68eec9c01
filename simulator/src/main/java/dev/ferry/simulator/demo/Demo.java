package dev.ferry.simulator.demo;

import dev.ferry.simulator.JiraSimulator;
import dev.ferry.simulator.app.AppClient;
import dev.ferry.simulator.iframe.IssueContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs Ferry from {@code app/target/ferry.jar} next to a simulated Jira site, installs the site, files a
 * few issues, sends a few webhooks, connects the site to the console admin's organization each way Ferry knows
 * (app install, API token, OAuth), plays the data-quality workflow (a ticket filed by hand, an anomaly
 * acknowledged, callbacks to its own receiver) and prints signed URLs to open in a browser. Run it from the
 * repository root: {@code java -jar simulator/target/ferry-simulator-demo.jar [--once] [--port=8080]
 * [--jira-port=PORT]}. When it cannot start (a port taken, a bad option, no Ferry jar) it says why in one
 * line on stderr and exits with code 2. With {@code --forge} it installs Ferry as a Forge app from
 * {@code descriptors/manifest.yml} instead, plays Jira changes as Forge events and prints the Forge UI host pages.
 */
public final class Demo {

    private static final Path DATA = Path.of("data");

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        // The spec validator logs an INFO line per request about OAuth schemes it skips; the demo needs none of it.
        System.setProperty("org.slf4j.simpleLogger.log.com.atlassian.oai.validator", "warn");
        try {
            run(DemoOptions.parse(List.of(args)));
        } catch (DemoRefusal refusal) {
            System.err.println("demo: " + refusal.getMessage());
            System.exit(DemoRefusal.EXIT_CODE);
        }
    }

    private static void run(DemoOptions options) throws Exception {
        int port = options.ferryPort().isPresent()
                ? Ports.claim(options.ferryPort().getAsInt(), "Ferry's", DemoOptions.FERRY_PORT)
                : Ports.preferred(8080);
        int jiraPort = options.jiraPort().isPresent()
                ? Ports.claim(options.jiraPort().getAsInt(), "The simulated Jira site's", DemoOptions.JIRA_PORT)
                : 0;
        cleanStart();
        try (JiraSimulator jira = JiraSimulator.start(Clock.systemUTC(), jiraPort);
                DemoCallbackReceiver receiver = DemoCallbackReceiver.start();
                FerryProcess ferry = FerryProcess.start(Path.of("app/target/ferry.jar"), port, jira, DATA,
                        receiver.authority())) {
            say("Simulated Jira site at " + jira.baseUrl() + "; starting Ferry at " + ferry.baseUrl() + " (log: " + ferry.log() + ")");
            jira.oauth().registerClient(FerryProcess.OAUTH_CLIENT_ID, FerryProcess.OAUTH_CLIENT_SECRET,
                    FerryProcess.oauthCallback(ferry.baseUrl()));
            ferry.awaitHealthy(Duration.ofSeconds(90));
            if (options.forge()) {
                new DemoForge(jira, ferry, Demo::say).play();
                new DemoConnections(jira, ferry, Demo::say).connectForge();
                say("");
                say("Ferry's admin UI: " + ferry.baseUrl() + "/admin");
                say("  sign in as " + FerryProcess.ADMIN_EMAIL + " with " + FerryProcess.ADMIN_CHOSEN_PASSWORD
                        + " (the demo chose it at the admin's first sign-in; kept until the next demo run starts clean)");
                say("  Jira sites: the Forge-installed site, linked to " + FerryProcess.ORGANIZATION
                        + " (confirmed on the Forge admin page); Ferry calls it with the app system token");
                if (!options.once()) {
                    waitForQuit();
                }
                return;
            }
            List<String> issues = play(jira, ferry);
            DemoConnections.Connected connected = new DemoConnections(jira, ferry, Demo::say).connectEachWay();
            showBadges(jira, issues);
            dataQuality(jira, ferry, receiver, connected);
            printAdminUi(jira, ferry);
            printUrls(jira, issues);
            if (!options.once()) {
                waitForEnter(jira, issues);
            }
        }
    }

    /** Each run is a new simulated site, so the last run's site and everything Ferry kept of it go first. */
    private static void cleanStart() {
        List<String> deleted = DemoData.clean(DATA);
        say(deleted.isEmpty() ? "Clean start: no demo database from an earlier run in " + DATA + "/"
                : "Clean start: deleted the last run's demo database, key and log (" + DATA + "/"
                        + String.join(", " + DATA + "/", deleted) + ")");
    }

    /** Install, file issues, move one, send webhooks; each step prints what Ferry answered. */
    private static List<String> play(JiraSimulator jira, FerryProcess ferry) {
        AppClient.Reply installed = jira.site().install(ferry.baseUrl());
        say("installed + enabled the site " + jira.site().identity().clientKey() + " -> Ferry answered HTTP " + installed.status());
        if (!installed.ok()) {
            throw new DemoRefusal("Ferry refused the install (HTTP " + installed.status() + "); see " + ferry.log());
        }
        List<String> issues = List.of(
                jira.admin().createIssue("FERRY", "Bug", "[Guardrail] checkout latency breached on Checkout v2"),
                jira.admin().createIssue("FERRY", "Task", "[Rollout] Variant B won on Pricing page test"),
                jira.admin().createIssue("OPS", "Task", "[SRM] Sample-ratio mismatch on Onboarding flow"));
        jira.admin().transition(issues.get(1), "In Progress");
        jira.admin().comment(issues.get(0), "Looking into it.");
        say("filed " + issues + " on the simulated site; " + issues.get(1) + " is In Progress");
        link(jira, ferry, issues.get(0), "exp-checkout-v2", "Checkout v2: latency guardrail", "running");
        link(jira, ferry, issues.get(0), "flag-checkout-rollout", "Flag checkout-v2, rule 'EU 10%'", "live");
        link(jira, ferry, issues.get(1), "exp-pricing", "Pricing page test", "concluded");
        send(jira, "jira:issue_created", issues.get(0), Map.of());
        send(jira, "jira:issue_updated", issues.get(1), Map.of("status", new String[] {"To Do", "In Progress"}));
        send(jira, "comment_created", issues.get(0), Map.of());
        return issues;
    }

    private static void send(JiraSimulator jira, String event, String issueKey, Map<String, String[]> changes) {
        var delivery = jira.site().prepareWebhook(event, issueKey, changes, java.time.Instant.now());
        int status = jira.site().send(delivery).status();
        say("webhook " + event + " for " + issueKey + " -> Ferry answered HTTP " + status);
    }

    /** Links a product object to an issue through Ferry's development-only API (the product API comes later). */
    private static void link(JiraSimulator jira, FerryProcess ferry, String issueKey, String objectId, String title,
            String state) {
        IssueContext issue = jira.site().issueContext(issueKey);
        String json = """
                {"clientKey": "%s", "issueId": "%s", "issueKey": "%s", "statusName": "To Do", "statusCategory": "new",
                 "origin": "AUTOMATIC", "object": {"type": "experiment", "id": "%s", "title": "%s",
                 "url": "https://product.example/objects/%s", "state": "%s"}}""".formatted(
                jira.site().identity().clientKey(), issue.issueId(), issueKey, objectId, title, objectId, state);
        int status = new AppClient().postJson(ferry.baseUrl() + "/internal/dev/links", json, Map.of()).status();
        say("linked '" + title + "' to " + issueKey + " -> Ferry answered HTTP " + status);
    }

    /**
     * The data-quality workflow over the API-token connection: callbacks to the demo's receiver, a ticket filed by
     * hand for an anomaly, a ticket someone filed in Jira before linked to it, the anomaly acknowledged; then
     * what reached both tickets and the receiver.
     */
    private static void dataQuality(JiraSimulator jira, FerryProcess ferry, DemoCallbackReceiver receiver,
            DemoConnections.Connected connected) throws InterruptedException {
        say("");
        String existing = jira.admin().createIssue("OPS", "Task", "Orders dashboard looks low since last night");
        say("filed " + existing + " on the simulated site, as an on-call person would before the anomaly was found");
        DemoHandTickets tickets = new DemoHandTickets(new DemoApi(ferry, connected.apiKey()), connected.apiTokenSite(),
                Demo::say);
        tickets.registerCallback(receiver);
        String filed = tickets.fileTicket();
        tickets.linkExisting(existing);
        tickets.acknowledge();
        new DemoTicketSummary(jira, receiver, Demo::say).awaitAndPrint(filed, List.of(filed, existing));
    }

    /**
     * Ferry sets the glance badge in Jira a moment after links change (its worker polls, and a cold JVM is
     * slow at first); wait up to 20 s for the first linked issue's badge, then show what Jira holds.
     */
    private static void showBadges(JiraSimulator jira, List<String> issues) throws InterruptedException {
        String key = "com.atlassian.jira.issue:" + jira.site().descriptor().key() + ":"
                + jira.site().descriptor().firstModuleKey("jiraIssueGlances").orElse("?") + ":status";
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (jira.data().issueProperty(issues.get(0), key).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        for (String issue : issues) {
            say("glance badge of " + issue + " in Jira: "
                    + jira.data().issueProperty(issue, key).map(Object::toString).orElse("(none: no linked objects)"));
        }
    }

    /** Where a person sees what the demo connected, signed in as the admin the demo signed in as. */
    private static void printAdminUi(JiraSimulator jira, FerryProcess ferry) {
        say("");
        say("Ferry's admin UI: " + ferry.baseUrl() + "/admin");
        say("  sign in as " + FerryProcess.ADMIN_EMAIL + " with " + FerryProcess.ADMIN_CHOSEN_PASSWORD
                + " (the demo chose it at the admin's first sign-in; kept until the next demo run starts clean)");
        say("  Connections: the simulated site " + jira.baseUrl() + " three ways: the installed app, an API token and");
        say("  Connect with Atlassian (OAuth; its button leads to the simulator's consent page)");
        say("  Jira sites: the installed site, linked to " + FerryProcess.ORGANIZATION + " (confirmed on the configure page below)");
        say("Ferry's metrics (Prometheus): " + ferry.managementUrl() + "/actuator/prometheus; health: "
                + ferry.managementUrl() + "/actuator/health");
    }

    private static void printUrls(JiraSimulator jira, List<String> issues) {
        IssueContext issue = jira.site().issueContext(issues.get(0));
        say("");
        say("Open these in a browser within 3 minutes (the tokens are Jira's short-lived iframe tokens):");
        say("  configure page (as the Jira admin):  " + pageOrNote(jira.site().configurePageUrl()));
        jira.site().descriptor().firstModuleKey("configurePage").ifPresent(key -> say("  the same inside Jira's page, "
                + "signed afresh at each visit: " + jira.baseUrl() + "/plugins/servlet/ac/" + jira.site().descriptor().key()
                + "/" + key));
        jira.site().descriptor().firstModuleKey("jiraIssueGlances")
                .ifPresent(key -> say("  issue glance:    " + pageOrNote(jira.site().iframeUrl(key, issue))));
        jira.site().descriptor().firstModuleKey("webPanels")
                .ifPresent(key -> say("  issue panel:     " + pageOrNote(jira.site().iframeUrl(key, issue))));
        say("  Jira REST (the simulated site): " + jira.baseUrl() + "/rest/api/3/issue/" + issues.get(0)
                + " (needs Ferry's JWT or Basic credentials, like Jira)");
    }

    /** Each URL is tried once before it is printed, so a page Ferry refuses says so. */
    private static String pageOrNote(String url) {
        int status = new AppClient().get(url, Map.of()).status();
        return status == 200 ? url : url + "\n                   (Ferry answered HTTP " + status + ")";
    }

    private static void waitForEnter(JiraSimulator jira, List<String> issues) throws IOException {
        say("");
        say("Press Enter for fresh signed URLs, or type q and Enter (or Ctrl-C) to stop Ferry and the simulator.");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.trim().equalsIgnoreCase("q")) {
            printUrls(jira, issues);
        }
    }

    private static void waitForQuit() throws IOException {
        say("");
        say("Type q and Enter (or Ctrl-C) to stop Ferry and the simulator.");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.trim().equalsIgnoreCase("q")) {
            say("(the Forge host pages mint a token per call: the URLs above keep working)");
        }
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
