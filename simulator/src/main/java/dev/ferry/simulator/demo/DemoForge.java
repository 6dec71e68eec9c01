package dev.ferry.simulator.demo;

import dev.ferry.simulator.JiraSimulator;
import dev.ferry.simulator.PersonActions;
import dev.ferry.simulator.forge.RemoteReply;
import dev.ferry.simulator.rest.Users;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The demo's Forge mode: the simulated site installs Ferry as the Forge app of {@code descriptors/manifest.yml}
 * (Ferry started with the simulator's JWKS and this app id), people change issues so Forge events reach Ferry, the
 * scheduled trigger brings Ferry a system token, and the Custom UI host pages are printed to open in a browser.
 */
final class DemoForge {

    /** The demo's Forge app; Ferry runs with it as {@code ferry.forge.app-id}. */
    static final String APP_ID = "ari:cloud:ecosystem::app/0f0e0d0c-0de0-4e7a-9b1f-5e1a2b3c4d5e";
    static final Path DESCRIPTORS = Path.of("descriptors");
    /** The Forge admin (configure) page's module key, from the manifest. */
    static final String CONFIGURE = "ferry-configure";

    private final JiraSimulator jira;
    private final FerryProcess ferry;
    private final Consumer<String> say;

    DemoForge(JiraSimulator jira, FerryProcess ferry, Consumer<String> say) {
        this.jira = jira;
        this.ferry = ferry;
        this.say = say;
    }

    void play() {
        RemoteReply installed;
        try {
            installed = jira.forge().install(ferry.baseUrl(), Files.readString(DESCRIPTORS.resolve("manifest.yml")), APP_ID);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new DemoRefusal("cannot install Ferry through Forge from " + DESCRIPTORS.resolve("manifest.yml") + ": "
                    + e.getMessage());
        }
        say.accept("installed Ferry as Forge app " + APP_ID + " (installation " + jira.forge().installationId()
                + ") -> Ferry answered HTTP " + installed.status());
        if (!installed.ok()) {
            throw new DemoRefusal("Ferry refused the Forge install (HTTP " + installed.status() + "); see " + ferry.log());
        }
        jira.forge().serveResources(DESCRIPTORS);
        PersonActions people = new PersonActions(jira);
        String issue = people.createIssue(Users.MEMBER_ACCOUNT_ID, "FERRY", "[Guardrail] checkout latency breached");
        people.transition(Users.MEMBER_ACCOUNT_ID, issue, "In Progress");
        people.comment(Users.MEMBER_ACCOUNT_ID, issue, "Looking into it.");
        jira.forge().invocations().stream().filter(sent -> sent.body() != null && sent.body().contains("avi:jira:"))
                .forEach(sent -> say.accept("Forge event to " + sent.url() + " -> Ferry answered HTTP " + sent.status()));
        say.accept("scheduled trigger token-refresh-schedule -> Ferry answered HTTP "
                + scheduled().map(RemoteReply::status).map(String::valueOf).orElse("(no scheduled trigger in the manifest)"));
        say.accept("");
        say.accept("Open the Forge UI modules as Jira shows them (built resources from " + DESCRIPTORS.resolve("ui/dist")
                + "; run npm run build in descriptors/ first):");
        for (String key : jira.forge().uiModuleKeys()) {
            String onIssue = jira.forge().onIssue(key) ? issue : null;
            say.accept("  " + key + ": " + jira.forge().hostPageUrl(key, onIssue, Users.ADMIN_ACCOUNT_ID));
        }
    }

    private java.util.Optional<RemoteReply> scheduled() {
        try {
            return java.util.Optional.of(jira.forge().runScheduledTrigger("token-refresh-schedule"));
        } catch (IllegalArgumentException noSuchTrigger) {
            return java.util.Optional.empty();
        }
    }
}
