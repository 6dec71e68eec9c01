package dev.ferry.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ferry.simulator.app.AppClient;
import dev.ferry.simulator.auth.Credentials;
import dev.ferry.simulator.auth.JiraAuth;
import dev.ferry.simulator.fault.Faults;
import dev.ferry.simulator.forge.ForgePlatform;
import dev.ferry.simulator.forge.ForgeSite;
import dev.ferry.simulator.forge.ForgeUiHost;
import dev.ferry.simulator.install.InstallKeyPair;
import dev.ferry.simulator.install.SiteIdentity;
import dev.ferry.simulator.oauth.OAuthEndpoint;
import dev.ferry.simulator.oauth.OAuthServer;
import dev.ferry.simulator.rest.Adf;
import dev.ferry.simulator.rest.IssuePages;
import dev.ferry.simulator.rest.JiraData;
import dev.ferry.simulator.rest.JiraRest;
import dev.ferry.simulator.rest.Users;
import dev.ferry.simulator.spec.SpecResources;
import dev.ferry.simulator.spec.Violation;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * One simulated Jira Cloud site on its own WireMock server (127.0.0.1, a free port): its REST API, its
 * install-key server at {@code /install-keys/{kid}}, its issue pages at {@code /browse/{key}} (what a
 * person sees in Jira), the installed app's pages at {@code /plugins/servlet/ac/{appKey}/{moduleKey}}, and
 * {@link SiteActions} to play Jira against an app; {@link #forge()} plays the Forge platform for the same site.
 * Start it with {@link #start()}, close it when done.
 */
public final class JiraSimulator implements AutoCloseable {

    static final String KEY_PATH = "/install-keys";
    static final String TENANT_INFO_PATH = "/_edge/tenant_info";

    private final WireMockServer server;
    private final JiraEndpoint endpoint;
    private final JiraData data;
    private final Faults faults;
    private final Credentials credentials;
    private final SiteActions site;
    private final SiteAdmin admin;
    private final OAuthServer oauth;
    private final ForgePlatform forge;

    private JiraSimulator(WireMockServer server, Clock clock, Holder holder, JiraData data, Faults faults,
            Credentials credentials) {
        this.server = server;
        this.credentials = credentials;
        this.endpoint = holder.endpoint;
        this.data = data;
        this.faults = faults;
        this.oauth = holder.oauth;
        InstallKeyPair keys = InstallKeyPair.generate();
        server.stubFor(get(KEY_PATH + "/" + keys.kid()).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/x-pem-file").withBody(keys.publicPem())));
        this.admin = new SiteAdmin(endpoint.rest(), this::baseUrl);
        this.site = new SiteActions(SiteIdentity.fresh(baseUrl()), keys, credentials, data, new AppClient(), clock);
        // Jira Cloud tells anyone its cloudId here, without auth: how a client finds the gateway path of a site URL.
        server.stubFor(get(TENANT_INFO_PATH).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody("{\"cloudId\":\"" + site.identity().cloudId() + "\"}")));
        holder.pages.serve(site);
        endpoint.cloudId(site.identity().cloudId());
        holder.oauthEndpoint.site(site.identity().cloudId(), baseUrl(), "simulated");
        this.forge = holder.forge;
        forge.bind(new ForgeSite(baseUrl(), gatewayUrl(), cloudId(), data, this::connectInstall));
        server.stubFor(get(ForgePlatform.JWKS_PATH).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(forge.jwksJson())));
        endpoint.rest().connectClientKeys(forge::connectClientKey);
    }

    /** The Connect install the Forge platform can migrate from, or null while the site has none. */
    private ForgeSite.ConnectInstall connectInstall() {
        try {
            var descriptor = site.descriptor();
            return new ForgeSite.ConnectInstall(site.identity().clientKey(), site.identity().installationId(),
                    descriptor.key(), descriptor.baseUrl());
        } catch (IllegalStateException notInstalled) {
            return null;
        }
    }

    public static JiraSimulator start() {
        return start(Clock.systemUTC());
    }

    public static JiraSimulator start(Clock clock) {
        return start(clock, 0);
    }

    /**
     * A site on a chosen port of 127.0.0.1 (0: any free port), such as the demo's {@code --jira-port=}.
     * A port that is taken fails the start.
     */
    public static JiraSimulator start(Clock clock, int port) {
        JiraData data = new JiraData(clock);
        Faults faults = new Faults(clock);
        Credentials credentials = new Credentials();
        Holder holder = new Holder(clock);
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").port(port)
                .extensions(holder.endpoint(credentials, clock, data, faults), new BrowseEndpoint(new IssuePages(data)),
                        holder.pages, holder.oauthEndpoint, holder.forge.ui())
                .containerThreads(16)
                // Delays (latency, slow faults) are scheduled rather than slept, so they hold no server thread.
                .asynchronousResponseEnabled(true).asynchronousResponseThreads(8));
        server.start();
        holder.siteUrl = "http://127.0.0.1:" + server.port();
        server.stubFor(any(urlPathMatching("(" + java.util.regex.Pattern.quote(GatewayPath.PREFIX) + "/ex/[^/]+/[^/]+)?/(rest|wiki)/.*"))
                .atPriority(10)
                .willReturn(aResponse().withTransformers(JiraEndpoint.NAME)));
        server.stubFor(any(urlPathMatching(java.util.regex.Pattern.quote(OAuthEndpoint.AUTH_PREFIX) + "/.*")).atPriority(10)
                .willReturn(aResponse().withTransformers(OAuthEndpoint.NAME)));
        server.stubFor(any(urlPathEqualTo(OAuthEndpoint.RESOURCES_PATH)).atPriority(10)
                .willReturn(aResponse().withTransformers(OAuthEndpoint.NAME)));
        server.stubFor(get(urlPathMatching("/browse(/.*)?")).atPriority(10)
                .willReturn(aResponse().withTransformers(BrowseEndpoint.NAME)));
        server.stubFor(get(urlPathMatching(AppPageEndpoint.PREFIX + ".*")).atPriority(10)
                .willReturn(aResponse().withTransformers(AppPageEndpoint.NAME)));
        server.stubFor(any(urlPathMatching("(" + ForgeUiHost.PAGE_PREFIX + "|" + ForgeUiHost.FRAME_PREFIX + ").*"))
                .atPriority(10).willReturn(aResponse().withTransformers(ForgeUiHost.NAME)));
        return new JiraSimulator(server, clock, holder, data, faults, credentials);
    }

    /** The site's base URL, also the {@code baseUrl} of every lifecycle body. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /**
     * Where the simulator plays the API gateway, api.atlassian.com: {@code {gatewayUrl}/ex/jira/{cloudId}/rest/...}
     * and {@code {gatewayUrl}/ex/confluence/{cloudId}/wiki/...} serve this site's REST for OAuth access tokens
     * and scoped API tokens; an unknown cloudId is a 404.
     */
    public String gatewayUrl() {
        return baseUrl() + GatewayPath.PREFIX;
    }

    /**
     * Where the simulator plays Atlassian's OAuth 2.0 authorization server, auth.atlassian.com:
     * {@code {authUrl}/authorize} and {@code {authUrl}/oauth/token}.
     */
    public String authUrl() {
        return baseUrl() + OAuthEndpoint.AUTH_PREFIX;
    }

    /** The OAuth 2.0 (3LO) server: register clients, choose who consents, expire and revoke grants. */
    public OAuthServer oauth() {
        return oauth;
    }

    /** What to set {@code ferry.connect.install-keys-urls} to. */
    public String installKeysUrl() {
        return baseUrl() + KEY_PATH;
    }

    /** The site's cloudId, as {@code /_edge/tenant_info} and the lifecycle bodies tell it. */
    public String cloudId() {
        return site.identity().cloudId();
    }

    /**
     * Play the Forge platform for the app: install from its manifest, life cycle and Jira events to its remote, UI
     * calls, FITs (JWKS at {@link ForgePlatform#jwksUrl()}) and app tokens the gateway accepts.
     */
    public ForgePlatform forge() {
        return forge;
    }

    /** Play Jira: install, webhooks, iframes. */
    public SiteActions site() {
        return site;
    }

    /** A person using the site: files and moves issues, comments, logs work, publishes pages. */
    public SiteAdmin admin() {
        return admin;
    }

    public JiraData data() {
        return data;
    }

    public Faults faults() {
        return faults;
    }

    public Credentials credentials() {
        return credentials;
    }

    /** Every REST call the app made, in order. */
    public List<RecordedCall> calls() {
        return List.copyOf(endpoint.calls);
    }

    public List<Violation> specViolations() {
        return List.copyOf(endpoint.violations);
    }

    /** Fails when the app sent any request Atlassian's specification rejects. */
    public void assertNoSpecViolations() {
        if (!endpoint.violations.isEmpty()) {
            throw new AssertionError("the app sent requests Atlassian's OpenAPI specification rejects:\n  "
                    + String.join("\n  ", endpoint.violations.stream().map(Violation::toString).toList()));
        }
    }

    /**
     * Every REST answer from now on waits {@code latency} first (on top of any slow fault), for benchmarks
     * that need a site as far away as Atlassian's; {@link Duration#ZERO} turns it off.
     */
    public void latency(Duration latency) {
        endpoint.latency(latency);
    }

    /**
     * Sets the site's clock {@code offset} away from the app's for the checks of the app's tokens: Jira
     * then refuses them with its expired / not-before 401, as it does when an app server's clock drifts.
     * {@link Duration#ZERO} puts the clocks back together.
     */
    public void clockOffset(Duration offset) {
        endpoint.auth().clockOffset(offset);
    }

    /**
     * Stops checking requests against Atlassian's OpenAPI specs. Only for benchmarks: the check costs more
     * CPU than the answer, and on a small machine it would measure the simulator instead of the app.
     */
    public void skipSpecCheck() {
        endpoint.specCheck(false);
    }

    /**
     * Forgets recorded calls, violations, scripted faults (short audit pages too) and any clock offset, and puts
     * the site back on a paid plan; the site's data stays.
     */
    public void reset() {
        data.plan(JiraData.PAID);
        data.auditLog().shortPages(0);
        endpoint.auth().clockOffset(Duration.ZERO);
        endpoint.calls.clear();
        endpoint.violations.clear();
        faults.clear();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Builds the endpoint before the server starts; it learns the site URL once the port is known. */
    private static final class Holder {
        JiraEndpoint endpoint;
        final AppPageEndpoint pages = new AppPageEndpoint();
        final OAuthServer oauth;
        final OAuthEndpoint oauthEndpoint;
        final ForgePlatform forge;
        volatile String siteUrl;

        Holder(Clock clock) {
            oauth = new OAuthServer(clock, Users.ADMIN_ACCOUNT_ID);
            oauthEndpoint = new OAuthEndpoint(oauth);
            forge = new ForgePlatform(clock);
        }

        JiraEndpoint endpoint(Credentials credentials, Clock clock, JiraData data, Faults faults) {
            JiraRest rest = new JiraRest(data, new Adf(SpecResources.open(SpecResources.ADF_SCHEMA)));
            endpoint = new JiraEndpoint(new JiraAuth(credentials, clock,
                    token -> oauth.find(token).or(() -> forge.accessTokens().find(token))), rest, data.accounts(), faults, () -> siteUrl);
            return endpoint;
        }
    }
}
