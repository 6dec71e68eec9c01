package dev.ferry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.account.People;
import dev.ferry.simulator.JiraSimulator;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Ferry and the simulated Jira sites beside it, as every {@link FerryJourney} reaches them: one for the
 * whole run, since Ferry's settings name their ports and the Spring context is shared. {@link #jira()} is
 * the site journeys link; {@link #otherJira()} is a second site for journeys about telling sites apart.
 */
final class Journey implements AutoCloseable {

    static final String OPERATOR = "operator-token-for-journeys";
    static final String OAUTH_CLIENT_ID = "ferry-journeys";
    static final String OAUTH_CLIENT_SECRET = "oauth-client-secret-for-journeys";
    /** The Atlassian account an {@link SiteKind#API_TOKEN} journey connects as, and its classic token. */
    static final String FILER_ID = "557058:fiona";
    static final String FILER_EMAIL = "Fiona@acme-experiments.example";
    static final String FILER_TOKEN = "ATATT3xFfGF0-journeys-filer-token-7Qx2";
    /** The Forge app Ferry serves in journeys, as {@code forge register} would have named it. */
    static final String FORGE_APP_ID = "ari:cloud:ecosystem::app/0d7e8a53-6c1f-4f8e-9b2a-5a3c1e7f9d42";

    private static Journey shared;

    private final int port = FerryBesideJira.freePort();
    /** Where a journey's callback receiver listens: the one address besides the simulators Ferry may call. */
    private final int callbackPort = FerryBesideJira.freePort();
    private final JiraSimulator jira = JiraSimulator.start();
    private final JiraSimulator otherJira = JiraSimulator.start();

    private Journey() {
    }

    /** The journey of this run, its simulators started on first use. */
    static synchronized Journey shared() {
        if (shared == null) {
            shared = new Journey();
        }
        return shared;
    }

    int port() {
        return port;
    }

    /** Ferry's base URL, as its descriptor names it. */
    String url() {
        return FerryBesideJira.baseUrl(port);
    }

    /** The port of {@code CallbackReceiver}, listed in Ferry's outbound hosts so callbacks may reach it over http. */
    int callbackPort() {
        return callbackPort;
    }

    JiraSimulator jira() {
        return jira;
    }

    JiraSimulator otherJira() {
        return otherJira;
    }

    /** A new organization of the product, created through the operator endpoint, with its first API key. */
    ProductApi newOrganization(String name) {
        return ProductApi.newOrganization(url(), OPERATOR, name);
    }

    /** The product API as an organization holding {@code key} calls it. */
    ProductApi api(String key) {
        return new ProductApi(url(), key);
    }

    /** Installs Ferry on {@link #jira()} and links the site to the API's organization; answers its clientKey. */
    String linkSite(ProductApi api) {
        return LinkedDestinations.linkSite(jira, api, url());
    }

    /**
     * Connects {@link #jira()} to the API's organization the {@code kind} way; answers the key destinations and
     * links name it by ({@code site}). The one place a journey's connection kind makes a difference.
     */
    String link(SiteKind kind, ProductApi api, People people) {
        return switch (kind) {
            case INSTALL -> linkSite(api);
            case API_TOKEN -> connectApiToken(api);
            case OAUTH -> OAuthConnections.connect(this, people, api.organizationId());
            case FORGE -> ForgeSites.installAndLink(this, api);
        };
    }

    /** Adds an API-token connection to {@link #jira()} as {@link #FILER_EMAIL}, over HTTP; answers its id. */
    String connectApiToken(ProductApi api) {
        jira.data().accounts().add(FILER_ID, FILER_EMAIL, "Fiona Filer");
        jira.credentials().addApiToken(FILER_EMAIL, FILER_TOKEN);
        ProductApi.Reply added = api.post("/api/v1/connections", "{\"siteUrl\":\"" + jira.baseUrl() + "\",\"email\":\""
                + FILER_EMAIL + "\",\"token\":\"" + FILER_TOKEN + "\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        return added.json().path("id").asString();
    }

    /** The organization "Acme Experiments" with {@link #jira()} installed and linked to it. */
    LinkedSite linkedSite() {
        ProductApi acme = newOrganization("Acme Experiments");
        return new LinkedSite(acme, linkSite(acme), SiteKind.INSTALL);
    }

    /**
     * The organization "Acme Experiments" with {@link #jira()} connected to it the {@code kind} way; {@code people}
     * makes the console Admin who approves an OAuth grant.
     */
    LinkedSite linkedSite(SiteKind kind, People people) {
        ProductApi acme = newOrganization("Acme Experiments");
        return new LinkedSite(acme, link(kind, acme, people), kind);
    }

    /**
     * How many calls to {@code method path} Jira answered with success, whether they went to the site or through
     * the API gateway ({@code /ex/jira/{cloudId}} + the site's path).
     */
    long answered(String method, String path) {
        return jira.calls().stream().filter(call -> call.method().equals(method) && sitePath(call.path()).equals(path)
                && call.status() / 100 == 2).count();
    }

    /** The site's path of a call, as it went to the site itself or through the API gateway. */
    static String sitePath(String path) {
        return path.replaceFirst("^(/api\\.atlassian\\.com)?/ex/(jira|confluence)/[^/]+", "");
    }

    /** Puts the simulators back as a test expects them: no calls, faults, clock offset or Forge install remembered. */
    void reset() {
        jira.reset();
        otherJira.reset();
        // A journey's Forge install must not receive the next journey's site changes.
        jira.forge().reset();
        otherJira.forge().reset();
    }

    /** Fails when Ferry sent either site a request Atlassian's specification rejects. */
    void assertNoSpecViolations() {
        jira.assertNoSpecViolations();
        otherJira.assertNoSpecViolations();
    }

    @Override
    public void close() {
        jira.close();
        otherJira.close();
    }

    private Map<String, Object> properties() {
        Map<String, Object> properties = new java.util.HashMap<>(Map.of("server.port", port, "server.address", "127.0.0.1", "ferry.base-url", url(),
                "ferry.connect.install-keys-urls", jira.installKeysUrl() + "," + otherJira.installKeysUrl(),
                // Only the simulators: any other address on this machine is what the outbound guard must refuse.
                "ferry.outbound.allowed-hosts", hostOf(jira) + "," + hostOf(otherJira) + ",127.0.0.1:" + callbackPort,
                // jira() plays api.atlassian.com and auth.atlassian.com as well.
                "ferry.connections.gateway-url", jira.gatewayUrl(), "ferry.oauth.auth-url", jira.authUrl(),
                "ferry.oauth.client-id", OAUTH_CLIENT_ID, "ferry.oauth.client-secret", OAUTH_CLIENT_SECRET,
                "ferry.oauth.redirect-uri", url() + "/admin/connections/oauth/callback"));
        // jira() plays the Forge platform too: its key set signs the invocations of FORGE_APP_ID.
        properties.put("ferry.forge.app-id", FORGE_APP_ID);
        properties.put("ferry.forge.jwks-url", jira.forge().jwksUrl());
        return properties;
    }

    private static String hostOf(JiraSimulator site) {
        return java.net.URI.create(site.baseUrl()).getAuthority();
    }

    /** Ferry's settings that name the journey's ports: the same for every journey, so one context serves all. */
    static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("ferry-journey", shared().properties()));
        }
    }

    /** An organization of the product with the simulated site connected to it, as a journey starts. */
    record LinkedSite(ProductApi api, String clientKey, SiteKind kind) {

        LinkedSite(ProductApi api, String clientKey) {
            this(api, clientKey, SiteKind.INSTALL);
        }

        /**
         * The Atlassian account Jira records as the reporter of what Ferry files: the one the connection calls
         * as, or the app's own user for an install.
         */
        String filer(JiraSimulator jira) {
            if (kind == SiteKind.FORGE) {
                return jira.forge().botAccountId();
            }
            String account = api.get("/api/v1/connections/" + clientKey).json().path("account").path("accountId")
                    .asString("");
            return account.isEmpty() ? jira.data().accounts().app(jira.credentials().appKey().orElseThrow()).accountId()
                    : account;
        }

        /** A destination for {@code projectKey} on the site, with the preset's rules; answers its id. */
        String addDestination(String projectKey) {
            ProductApi.Reply created = api.post("/api/v1/destinations",
                    "{\"site\":\"" + clientKey + "\",\"projectKey\":\"" + projectKey + "\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.json().path("state").asString()).isEqualTo("ACTIVE");
            return created.json().path("id").asString();
        }
    }
}
