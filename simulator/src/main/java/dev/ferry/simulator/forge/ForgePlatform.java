package dev.ferry.simulator.forge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.simulator.auth.AccessTokens;
import dev.ferry.simulator.rest.Users;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Jira playing the Forge platform for one app on the site: installs it from its manifest and sends its life cycle
 * events, delivers Jira events to its triggers, runs its scheduled triggers, plays its UI modules' remote calls, and
 * mints what Forge mints for each (a FIT signed with {@link #jwksUrl()}'s key, app system and user tokens the
 * gateway accepts until they expire or the app is uninstalled).
 */
public final class ForgePlatform {

    public static final String JWKS_PATH = "/forge-platform/jwks.json";
    /** Jira's reserved app property that answers a Forge installation the clientKey of its Connect install. */
    public static final String CONNECT_CLIENT_KEY_PROPERTY = "connect_client_key_019cdff3-8bfb-71fe-9628-875b700aebb8";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ForgeKeys keys = new ForgeKeys();
    private final Clock clock;
    private final AppTokens tokens;
    private final RemoteInvoker invoker;
    private final FitMinter minter;
    private final TriggerDelivery triggers;
    private final ForgeUiHost ui = new ForgeUiHost(this);
    private volatile ForgeSite site;
    private volatile ForgeInstallation installation;

    public ForgePlatform(Clock clock) {
        this.clock = clock;
        this.tokens = new AppTokens(clock, keys);
        this.invoker = new RemoteInvoker(clock);
        this.minter = new FitMinter(keys, clock);
        this.triggers = new TriggerDelivery(invoker, minter, tokens);
    }

    /** Called once by the simulator when it knows its own address. */
    public void bind(ForgeSite site) {
        this.site = site;
    }

    /**
     * Forgets the app as if it had never been installed: no installation, every token refused, nothing sent. A test
     * that starts afresh must not have the site's changes posted to a remote an earlier test installed.
     */
    public void reset() {
        installation = null;
        tokens.revokeAll();
        invoker.sent.clear();
    }

    /** The tokens the gateway accepts as Bearer: register with the gateway's OAuth check. */
    public AccessTokens accessTokens() {
        return tokens;
    }

    /** The JWKS document served at {@link #JWKS_PATH}. */
    public String jwksJson() {
        return keys.jwksJson();
    }

    /** What to set {@code ferry.forge.jwks-url} to. */
    public String jwksUrl() {
        return site().siteUrl() + JWKS_PATH;
    }

    /**
     * Installs the app on the site from its manifest: {@code ${FERRY_BASE_URL}} becomes {@code ferryBaseUrl},
     * {@code ${FORGE_APP_ID}} the app's ARI, any other variable its manifest default. Sends
     * {@code avi:forge:installed:app} with a FIT and a system token.
     *
     * @param appId the app's ARI ({@code ari:cloud:ecosystem::app/<uuid>}) or its bare uuid
     */
    public RemoteReply install(String ferryBaseUrl, String manifestYaml, String appId) {
        return installAs(ferryBaseUrl, manifestYaml, appId, "ari:cloud:ecosystem::installation/" + UUID.randomUUID(), null);
    }

    /**
     * Installs the Forge app on a site that runs it through Connect ({@code site().install(..)} first): the Forge
     * installation takes the installationId the Connect lifecycle payload carried, Ferry's base URL is the Connect
     * descriptor's, and the reserved app property answers the Connect clientKey.
     */
    public RemoteReply migrateFromConnect(String manifestYaml, String appId) {
        ForgeSite.ConnectInstall connect = site().connect().get();
        if (connect == null) {
            throw new IllegalStateException("the site has no Connect install to migrate from");
        }
        return installAs(connect.baseUrl(), manifestYaml, appId, connect.installationId(), connect.clientKey());
    }

    private RemoteReply installAs(String ferryBaseUrl, String manifestYaml, String appId, String installationId,
            String connectClientKey) {
        String appAri = appId.startsWith("ari:") ? appId : "ari:cloud:ecosystem::app/" + appId;
        ForgeSite.ConnectInstall connect = site().connect().get();
        // The app key: the Connect install's, else the manifest's default, else Ferry's own key.
        Map<String, String> given = new java.util.HashMap<>(Map.of("FERRY_BASE_URL", ferryBaseUrl.replaceAll("/+$", ""),
                "FORGE_APP_ID", appAri));
        if (connect != null) {
            given.put("FERRY_APP_KEY", connect.appKey());
        }
        ForgeManifest manifest = ForgeManifest.parse(manifestYaml, given, Map.of("FERRY_APP_KEY", "ferry-for-jira"));
        String bot = site().data().accounts().app(appAri).accountId();
        // As for Connect's ADMIN scope, Jira puts an app asking to manage Jira's configuration among its admins.
        site().data().grant(bot, "ADMINISTER", manifest.scopes().contains("manage:jira-configuration")
                || manifest.scopes().contains("admin:connect-jira"));
        installation = new ForgeInstallation(appAri, installationId,
                "ari:cloud:ecosystem::environment/" + UUID.nameUUIDFromBytes(appAri.getBytes()), "1.0.0", site().cloudId(),
                site().siteUrl(), site().gatewayUrl() + "/ex/jira/" + site().cloudId(), manifest, bot, connectClientKey, true);
        return lifecycle("avi:forge:installed:app");
    }

    /** A new version of the app (same manifest, or a changed one): {@code avi:forge:upgraded:app}. */
    public RemoteReply upgrade() {
        installation = installed().upgraded(installed().manifest());
        return lifecycle("avi:forge:upgraded:app");
    }

    /**
     * Uninstalls the app: Forge calls the manifest's {@code preUninstall} endpoint (or, for a manifest without one, a
     * trigger on {@code avi:forge:uninstalled:app}); from then on the gateway refuses every token the app was given.
     */
    public RemoteReply uninstall() {
        ObjectNode body = ForgePayloads.lifecycle("avi:forge:uninstalled:app", installed(), Users.ADMIN_ACCOUNT_ID);
        RemoteReply reply = triggers.preUninstall(installed(), body)
                .orElseGet(() -> lifecycle("avi:forge:uninstalled:app"));
        installation = installed().uninstalled();
        tokens.revokeAll();
        return reply;
    }

    private RemoteReply lifecycle(String eventType) {
        ObjectNode body = ForgePayloads.lifecycle(eventType, installed(), Users.ADMIN_ACCOUNT_ID);
        return triggers.event(installed(), eventType, body).orElseThrow(() ->
                new IllegalStateException("the manifest has no trigger for " + eventType));
    }

    /**
     * Sends a Jira event about an issue to the trigger subscribed to it, as Forge delivers events: POST, 5 s, up to four
     * retries. Empty when no trigger of the app listens to the event.
     *
     * @param eventType a Forge event name, e.g. {@code avi:jira:updated:issue}
     */
    public Optional<RemoteReply> event(String eventType, String issueKey) {
        JsonNode issue = site().data().issueJson(issueKey, site().siteUrl())
                .orElseThrow(() -> new IllegalArgumentException("no issue " + issueKey + " on the simulated site"));
        return triggers.event(installed(), eventType,
                ForgeEventParts.of(eventType, issue, Users.ADMIN_ACCOUNT_ID, site().siteUrl(), clock));
    }

    /**
     * The hook of the site's own changes: Jira made Connect's webhook body for a change; a Forge-installed app that
     * listens to the same change gets it as its Forge event. Empty when nobody listens.
     */
    public Optional<RemoteReply> siteChanged(String connectEvent, String connectBody) {
        ForgeInstallation current = installation;
        if (current == null || !current.installed()) {
            return Optional.empty();
        }
        return ForgePayloads.forgeEventOf(connectEvent).flatMap(forgeEvent -> {
            try {
                return triggers.event(current, forgeEvent, (ObjectNode) JSON.readTree(connectBody));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Runs a scheduled trigger now: POSTs its endpoint with a fresh FIT and a fresh system token. */
    public RemoteReply runScheduledTrigger(String key) {
        return triggers.scheduled(installed(), key);
    }

    /**
     * A UI module's {@code invokeRemote({path, method, body})} as {@code accountId} viewing {@code issueKey} (null on
     * a page with no issue): a FIT with the user as principal and the issue as context, and the tokens the resolver
     * endpoint asks for. One try, 25 s, as Forge.
     */
    public RemoteReply invokeRemote(String moduleKey, String method, String path, String accountId, String issueKey,
            String body) {
        ForgeInstallation current = installed();
        ForgeManifest.UiModule module = uiModule(moduleKey);
        ForgeManifest.Endpoint endpoint = current.manifest().endpoint(module.resolverEndpoint());
        IssueRef issue = issueKey == null ? null : IssueRef.of(site().data(), issueKey, site().siteUrl());
        String fit = minter.fit(current, module.type(), moduleKey, accountId, issue).sign();
        return invoker.call(method, current.manifest().url(endpoint, endpoint.route() + path), endpoint.key(), fit,
                endpoint.systemToken() ? systemToken(current) : null,
                endpoint.userToken() ? tokens.mint("user", accountId, current.scopes(), current.installationId()) : null,
                body);
    }

    /** A FIT as the platform would mint it for a UI call of the module by the user, to bend into a bad one. */
    public FitBuilder fit(String moduleKey, String accountId, String issueKey) {
        ForgeInstallation current = installed();
        IssueRef issue = issueKey == null ? null : IssueRef.of(site().data(), issueKey, site().siteUrl());
        return minter.fit(current, uiModule(moduleKey).type(), moduleKey, accountId, issue);
    }

    /** A FIT as for a trigger's event (no principal), to bend into a bad one. */
    public FitBuilder fit() {
        return minter.fit(installed(), "core:trigger", "simulated-trigger", null, null);
    }

    /** A fresh app system token, as the next invocation would carry. */
    public String systemToken() {
        return systemToken(installed());
    }

    private String systemToken(ForgeInstallation current) {
        return tokens.mint("system", current.botAccountId(), current.scopes(), current.installationId());
    }

    /** "system" or "user" for a token Forge gave the app, from a token or an {@code Authorization} header; else null. */
    public String tokenKind(String tokenOrAuthorization) {
        String token = tokenOrAuthorization != null && tokenOrAuthorization.startsWith("Bearer ")
                ? tokenOrAuthorization.substring(7).trim() : tokenOrAuthorization;
        return tokens.kindOf(token).orElse(null);
    }

    /** Every request Forge sent the remote, oldest first (retries each on their own). */
    public List<Invocation> invocations() {
        return List.copyOf(invoker.sent);
    }

    public String appId() {
        return installed().appId();
    }

    public String installationId() {
        return installed().installationId();
    }

    /** The accountId of the app's bot user: who Jira says made a call with the system token. */
    public String botAccountId() {
        return installed().botAccountId();
    }

    public boolean isInstalled() {
        ForgeInstallation current = installation;
        return current != null && current.installed();
    }

    /** Serves the UI modules' built resources from the Forge app's directory ({@code descriptors/}). */
    public void serveResources(Path descriptorsDir) {
        ui.serveResources(descriptorsDir);
    }

    /** The page that shows a UI module as Jira would, to the user on the issue (null for a page with no issue). */
    public String hostPageUrl(String moduleKey, String issueKey, String accountId) {
        StringBuilder url = new StringBuilder(site().siteUrl() + ForgeUiHost.PAGE_PREFIX + moduleKey + "?accountId="
                + java.net.URLEncoder.encode(accountId, java.nio.charset.StandardCharsets.UTF_8));
        if (issueKey != null) {
            url.append("&issueKey=").append(java.net.URLEncoder.encode(issueKey, java.nio.charset.StandardCharsets.UTF_8));
        }
        return url.toString();
    }

    /** The keys of the app's UI modules with a remote resolver, in manifest order. */
    public List<String> uiModuleKeys() {
        return List.copyOf(installed().manifest().uiModules().keySet());
    }

    /** Whether a UI module opens on an issue (glance, panel) rather than on a page of its own. */
    public boolean onIssue(String moduleKey) {
        return uiModule(moduleKey).type().startsWith("jira:issue");
    }

    /** The UI host's HTTP side, for the simulator to register with its server. */
    public ForgeUiHost ui() {
        return ui;
    }

    /**
     * The value of Jira's reserved property {@link #CONNECT_CLIENT_KEY_PROPERTY} for a caller: the Connect clientKey
     * when the caller is this app's bot user, the key is its {@code app.connect.key}, and the installation came from
     * Connect; else empty (Jira's 404).
     */
    public Optional<String> connectClientKey(String addonKey, String callerAccountId) {
        ForgeInstallation current = installation;
        if (current == null || !current.installed() || current.connectClientKey() == null
                || !current.botAccountId().equals(callerAccountId) || !addonKey.equals(current.manifest().connectKey())) {
            return Optional.empty();
        }
        return Optional.of(current.connectClientKey());
    }

    ForgeManifest.UiModule uiModule(String moduleKey) {
        ForgeManifest.UiModule module = installed().manifest().uiModules().get(moduleKey);
        if (module == null) {
            throw new IllegalArgumentException("the manifest has no UI module " + moduleKey + " with a resolver endpoint");
        }
        return module;
    }

    ForgeInstallation installed() {
        ForgeInstallation current = installation;
        if (current == null || !current.installed()) {
            throw new IllegalStateException("the Forge app is not installed on the site");
        }
        return current;
    }

    ForgeSite site() {
        if (site == null) {
            throw new IllegalStateException("the Forge platform is not bound to a site yet");
        }
        return site;
    }
}
