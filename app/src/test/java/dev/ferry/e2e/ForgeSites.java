package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.simulator.JiraSimulator;
import dev.ferry.simulator.forge.RemoteReply;
import dev.ferry.simulator.rest.Users;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;

/**
 * Ferry as a Forge app on a simulated site, the way a Jira admin and a product admin bring it there: the site installs
 * the app from Ferry's own {@code descriptors/manifest.yml}, the product admin asks to link the site, and the site's
 * Jira administrator confirms on the app's Forge admin page (its remote calls, as Jira makes them).
 */
final class ForgeSites {

    /** The module key of the Forge admin (configure) page, from the manifest. */
    static final String CONFIGURE = "ferry-configure";
    static final String ISSUE_PANEL = "ferry-issue-panel";

    private ForgeSites() {
    }

    /** Ferry's Forge manifest, as the repository keeps it beside the app module. */
    static String manifest() {
        return read(descriptors().resolve("manifest.yml"));
    }

    /**
     * The Forge app's folder, {@code descriptors/} beside the app module: found from the module's working directory
     * (Maven's) or the repository's (an IDE's), so a journey never depends on where it was started from.
     */
    static Path descriptors() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("descriptors");
            if (Files.isRegularFile(candidate.resolve("manifest.yml"))
                    && Files.isRegularFile(candidate.resolve("package.json"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no descriptors/manifest.yml in " + here + " or any folder above it");
    }

    /** Installs Ferry on the journey's site through Forge; the installed event must be taken. */
    static void install(Journey journey) {
        RemoteReply installed = journey.jira().forge().install(journey.url(), manifest(), Journey.FORGE_APP_ID);
        assertThat(installed.status()).as(installed.body()).isEqualTo(204);
    }

    /** Installs through Forge and links the site to the API's organization; answers the key Ferry knows the site by. */
    static String installAndLink(Journey journey, ProductApi api) {
        install(journey);
        return link(journey.jira(), api);
    }

    /**
     * The product admin asks for the site by its URL and the site's Jira administrator confirms every pending request
     * on the Forge admin page; answers the key Ferry knows the site by.
     */
    static String link(JiraSimulator jira, ProductApi api) {
        ProductApi.Reply asked = api.post("/api/v1/sites", "{\"site\":\"" + jira.baseUrl() + "\"}");
        assertThat(asked.status()).as(asked.body()).isIn(200, 202);
        if (asked.status() == 202) {
            JsonNode page = ProductApi.JSON.readTree(configure(jira, "GET", "/forge/ui/configure").body());
            assertThat(page.path("requests")).as(page.toString()).isNotEmpty();
            for (JsonNode request : page.path("requests")) {
                RemoteReply confirmed = configure(jira, "POST",
                        "/forge/ui/configure/requests/" + request.path("id").asString() + "/confirm");
                assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
            }
        }
        JsonNode sites = api.get("/api/v1/sites").json().path("sites");
        assertThat(sites).as(sites.toString()).hasSize(1);
        return sites.get(0).path("clientKey").asString();
    }

    /** A call of the Forge admin page, as the site's Jira administrator makes it. */
    static RemoteReply configure(JiraSimulator jira, String method, String path) {
        return jira.forge().invokeRemote(CONFIGURE, method, path, Users.ADMIN_ACCOUNT_ID, null, null);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
