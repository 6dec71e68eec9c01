package dev.ferry.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.Installs;
import dev.ferry.support.Tokens;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The lifecycle callbacks over real HTTP: what a site's install, rotation, enabling and uninstall store. */
@FerryIntegrationTest
class LifecycleTest {

    static final String CLIENT_KEY = "site-a-client-key";
    static final String SECRET = "first-shared-secret-that-is-long-enough-0001";
    static final String ROTATED = "second-shared-secret-that-is-long-enough-002";

    @LocalServerPort
    int port;
    @Autowired
    Tokens tokens;
    @Autowired
    SiteRepository sites;
    @Autowired
    SiteSecrets secrets;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void installStoresEveryFieldOfTheSite() {
        var response = install(CLIENT_KEY, SECRET);

        assertThat(response.statusCode()).isEqualTo(204);
        Site site = sites.findById(CLIENT_KEY).orElseThrow();
        Installation installation = site.installation();
        assertThat(site.state()).isEqualTo(SiteState.INSTALLED);
        assertThat(installation.baseUrl()).isEqualTo("https://siteaclientkey.atlassian.net");
        assertThat(installation.displayUrl()).isEqualTo("https://siteaclientkey.example.com");
        assertThat(installation.productType()).isEqualTo("jira");
        assertThat(installation.cloudId()).isEqualTo("cloud-siteaclientkey");
        assertThat(installation.installationId()).isEqualTo("ari:cloud:ecosystem::installation/siteaclientkey");
        assertThat(installation.oauthClientId()).isEqualTo("oauth-siteaclientkey");
        assertThat(installation.serviceEntitlementNumber()).isEqualTo("SEN-1234567");
        assertThat(installation.entitlementId()).isEqualTo("ent-siteaclientkey");
        assertThat(installation.entitlementNumber()).isEqualTo("E-42");
        assertThat(installation.serverVersion()).isEqualTo("100266");
        assertThat(site.installedAt()).isNotNull();
        assertThat(site.updatedAt()).isEqualTo(site.installedAt());
        assertThat(secrets.find(CLIENT_KEY).orElseThrow().sharedSecret()).isEqualTo(SECRET);
    }

    @Test
    void reinstallWithNewSecretReplacesTheOldOne() {
        install(CLIENT_KEY, SECRET);

        assertThat(install(CLIENT_KEY, ROTATED).statusCode()).isEqualTo(204);

        assertThat(secrets.find(CLIENT_KEY).orElseThrow().sharedSecret()).isEqualTo(ROTATED);
        assertThat(enable(CLIENT_KEY, SECRET).statusCode()).isEqualTo(401);
        assertThat(enable(CLIENT_KEY, ROTATED).statusCode()).isEqualTo(204);
    }

    @Test
    void enabledAndDisabledMoveTheSiteState() {
        install(CLIENT_KEY, SECRET);

        assertThat(enable(CLIENT_KEY, SECRET).statusCode()).isEqualTo(204);
        assertThat(sites.findById(CLIENT_KEY).orElseThrow().state()).isEqualTo(SiteState.ENABLED);

        String path = "/lifecycle/disabled";
        var disabled = http.postJwt(path, tokens.request(CLIENT_KEY, SECRET, "POST", path),
                Installs.event("disabled", CLIENT_KEY));
        assertThat(disabled.statusCode()).isEqualTo(204);
        assertThat(sites.findById(CLIENT_KEY).orElseThrow().state()).isEqualTo(SiteState.DISABLED);
    }

    @Test
    void uninstallKeepsTheRecordAndRefusesTheSiteAfterwards() {
        install(CLIENT_KEY, SECRET);

        String path = "/lifecycle/uninstalled";
        var response = http.postJwt(path, tokens.install(CLIENT_KEY, path), Installs.event("uninstalled", CLIENT_KEY));

        assertThat(response.statusCode()).isEqualTo(204);
        Site site = sites.findById(CLIENT_KEY).orElseThrow();
        assertThat(site.state()).isEqualTo(SiteState.UNINSTALLED);
        assertThat(site.uninstalledAt()).isNotNull();
        var configure = http.get("/configure?jwt=" + tokens.request(CLIENT_KEY, SECRET, "GET", "/configure"));
        assertThat(configure.statusCode()).isEqualTo(401);
        assertThat(configure.body()).contains("uninstalled");
    }

    @Test
    void uninstallOfAnUnknownSiteIsAnsweredWithoutStoringIt() {
        String path = "/lifecycle/uninstalled";
        var response = http.postJwt(path, tokens.install("never-seen", path), Installs.event("uninstalled", "never-seen"));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(sites.findById("never-seen")).isEmpty();
    }

    @Test
    void reinstallAfterUninstallRestoresTheSite() {
        install(CLIENT_KEY, SECRET);
        String path = "/lifecycle/uninstalled";
        http.postJwt(path, tokens.install(CLIENT_KEY, path), Installs.event("uninstalled", CLIENT_KEY));

        install(CLIENT_KEY, ROTATED);

        Site site = sites.findById(CLIENT_KEY).orElseThrow();
        assertThat(site.state()).isEqualTo(SiteState.INSTALLED);
        assertThat(site.uninstalledAt()).isNull();
    }

    @Test
    void aNewClientKeyWithAKnownBaseUrlIsKeptAsASiteImport() {
        var body = Installs.fields("installed", "restored-site", SECRET);
        body.put("baseUrl", "https://siteaclientkey.atlassian.net");
        install(CLIENT_KEY, SECRET);

        var response = http.postJwt("/lifecycle/installed", tokens.install("restored-site", "/lifecycle/installed"),
                Installs.json(body));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(sites.findById(CLIENT_KEY)).isPresent();
        assertThat(sites.findById("restored-site").orElseThrow().importOfClientKey()).isEqualTo(CLIENT_KEY);
    }

    @Test
    void jirasRetryOfTheSameInstallIsAnsweredOnce() {
        String token = tokens.install(CLIENT_KEY, "/lifecycle/installed");
        String body = Installs.installed(CLIENT_KEY, SECRET);
        http.postJwt("/lifecycle/installed", token, body);
        var firstVersion = sites.findById(CLIENT_KEY).orElseThrow().updatedAt();

        var retry = http.postJwt("/lifecycle/installed", token, body);

        assertThat(retry.statusCode()).isEqualTo(204);
        assertThat(sites.findById(CLIENT_KEY).orElseThrow().updatedAt()).isEqualTo(firstVersion);
    }

    HttpResponse<String> install(String clientKey, String secret) {
        return http.postJwt("/lifecycle/installed", tokens.install(clientKey, "/lifecycle/installed"),
                Installs.installed(clientKey, secret));
    }

    HttpResponse<String> enable(String clientKey, String secret) {
        String path = "/lifecycle/enabled";
        return http.postJwt(path, tokens.request(clientKey, secret, "POST", path), Installs.event("enabled", clientKey));
    }
}
