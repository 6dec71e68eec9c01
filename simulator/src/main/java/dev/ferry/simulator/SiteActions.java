package dev.ferry.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.simulator.app.AppClient;
import dev.ferry.simulator.app.Descriptor;
import dev.ferry.simulator.auth.Credentials;
import dev.ferry.simulator.iframe.IframeUrls;
import dev.ferry.simulator.iframe.IssueContext;
import dev.ferry.simulator.install.InstallKeyPair;
import dev.ferry.simulator.install.Installer;
import dev.ferry.simulator.install.SiteIdentity;
import dev.ferry.simulator.rest.JiraData;
import dev.ferry.simulator.rest.SiteChanges;
import dev.ferry.simulator.rest.Users;
import dev.ferry.simulator.webhook.Delivery;
import dev.ferry.simulator.webhook.Webhooks;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What a Jira site does to an app: installs it (reading its descriptor), rotates the secret, uninstalls
 * it, sends it webhooks and opens its iframes. The secret it holds is the one the site's REST accepts.
 */
public final class SiteActions {

    private final SiteIdentity identity;
    private final Installer installer;
    private final Credentials credentials;
    private final JiraData data;
    private final AppClient app;
    private final Webhooks webhooks;
    private final IframeUrls iframes;
    private final Clock clock;
    private volatile Descriptor descriptor;
    private volatile String secret;
    private volatile boolean uninstalled;

    SiteActions(SiteIdentity identity, InstallKeyPair keys, Credentials credentials, JiraData data, AppClient app, Clock clock) {
        this.identity = identity;
        this.installer = new Installer(keys, app, clock);
        this.credentials = credentials;
        this.data = data;
        this.app = app;
        this.webhooks = new Webhooks(app, clock);
        this.iframes = new IframeUrls(clock);
        this.clock = clock;
    }

    /** Installs the app found at {@code appBaseUrl}: reads its descriptor, sends {@code installed} then {@code enabled}. */
    public AppClient.Reply install(String appBaseUrl) {
        descriptor = app.descriptor(appBaseUrl);
        return installWithFreshSecret();
    }

    /** Jira's reinstall (upgrade or secret rotation): a new {@code installed} with a new secret; the old one stops working. */
    public AppClient.Reply reinstall() {
        return installWithFreshSecret();
    }

    private AppClient.Reply installWithFreshSecret() {
        String fresh = Installer.freshSecret();
        AppClient.Reply installed = installer.installed(descriptor(), identity, fresh);
        if (!installed.ok()) {
            return installed;
        }
        secret = fresh;
        uninstalled = false;
        credentials.install(descriptor().key(), fresh);
        // Jira puts the bot user of an app asking for ADMIN in atlassian-addons-admin, which administers Jira.
        data.grant(data.accounts().app(descriptor().key()).accountId(), "ADMINISTER",
                descriptor().scopes().contains("ADMIN"));
        return installer.enabled(descriptor(), identity, fresh);
    }

    /** Sends {@code uninstalled}; the site stops accepting the app's tokens, as Jira forgets the secret. */
    public AppClient.Reply uninstall() {
        AppClient.Reply reply = installer.uninstalled(descriptor(), identity);
        credentials.revokeSecret();
        uninstalled = true;
        return reply;
    }

    public AppClient.Reply disable() {
        return installer.disabled(descriptor(), identity, secret());
    }

    public AppClient.Reply enable() {
        return installer.enabled(descriptor(), identity, secret());
    }

    /** A signed iframe URL for a module of the app's descriptor (glance, web panel or configure page). */
    public String iframeUrl(String moduleKey, IssueContext context) {
        return iframes.signed(descriptor(), moduleKey, context, identity.clientKey(), secret(), identity.baseUrl(),
                Users.ADMIN_ACCOUNT_ID);
    }

    /** The configure page, signed as Jira opens it for the site admin. */
    public String configurePageUrl() {
        return configurePageUrl(secret());
    }

    /** The configure page signed with a given secret, e.g. one a reinstall has replaced. */
    public String configurePageUrl(String signingSecret) {
        return configurePageUrl(signingSecret, Users.ADMIN_ACCOUNT_ID);
    }

    /**
     * The configure page as a user who is no Jira administrator would open it. Jira hides the page from
     * them ({@code user_is_admin}), but an app must not rely on that alone.
     */
    public String configurePageUrlForMember() {
        return configurePageUrl(secret(), Users.MEMBER_ACCOUNT_ID);
    }

    private String configurePageUrl(String signingSecret, String accountId) {
        String key = descriptor().firstModuleKey("configurePage")
                .orElseThrow(() -> new IllegalStateException("the descriptor has no configurePage"));
        return iframes.signed(descriptor(), key, IssueContext.none(), identity.clientKey(), signingSecret,
                identity.baseUrl(), accountId);
    }

    /**
     * The page Jira shows at {@code /plugins/servlet/ac/{appKey}/{moduleKey}}: the installed app's page module,
     * framed with a freshly signed URL for the site admin; empty for another app, a module that is no page,
     * or an app the site has uninstalled.
     */
    Optional<AppPage> page(String appKey, String moduleKey) {
        Descriptor installed = descriptor;
        String signingSecret = secret;
        if (installed == null || signingSecret == null || uninstalled || !installed.key().equals(appKey)) {
            return Optional.empty();
        }
        return installed.pageName(moduleKey).map(name -> new AppPage(name, iframes.signed(installed, moduleKey,
                IssueContext.none(), identity.clientKey(), signingSecret, identity.baseUrl(), Users.ADMIN_ACCOUNT_ID)));
    }

    /** A context token ({@code AP.context.getToken()}) of a user, on no particular issue. */
    public String contextTokenOf(String accountId) {
        return iframes.contextToken(IssueContext.none(), identity.clientKey(), secret(), accountId);
    }

    /** A context token of the site admin on an issue, as {@code AP.context.getToken()} gives it in the issue view. */
    public String contextToken(IssueContext context) {
        return contextTokenOf(Users.ADMIN_ACCOUNT_ID, context);
    }

    /** A context token of a user on an issue. */
    public String contextTokenOf(String accountId, IssueContext context) {
        return iframes.contextToken(context, identity.clientKey(), secret(), accountId);
    }

    /** The context of an issue on this site, for iframe URLs. */
    public IssueContext issueContext(String issueKey) {
        JsonNode issue = data.issueJson(issueKey, identity.baseUrl()).orElseThrow();
        JsonNode project = issue.path("fields").path("project");
        return new IssueContext(issue.path("key").asText(), issue.path("id").asText(), project.path("key").asText(),
                project.path("id").asText());
    }

    /** A webhook for an issue, ready to send; {@code happenedAt} in the past makes it a late delivery. */
    public Delivery prepareWebhook(String event, String issueKey, Map<String, String[]> changes, Instant happenedAt) {
        JsonNode issue = data.issueJson(issueKey, identity.baseUrl())
                .orElseThrow(() -> new IllegalArgumentException("no issue " + issueKey + " on the simulated site"));
        // An update's changes go into the issue's changelog, so the webhook and the REST API name it the same.
        JsonNode changelog = event.equals("jira:issue_updated") && !changes.isEmpty()
                ? new SiteChanges(data, identity.baseUrl()).recordChanges(Users.ADMIN_ACCOUNT_ID, issueKey, changes, happenedAt)
                : null;
        return webhooks.prepare(descriptor(), event, issue, changes, changelog, Users.ADMIN_ACCOUNT_ID, identity.baseUrl(),
                happenedAt);
    }

    /** Sends a delivery; sending the returned delivery again is Jira's retry. */
    public Webhooks.Sent send(Delivery delivery) {
        return webhooks.send(delivery, descriptor(), identity.clientKey(), secret());
    }

    /** Sends the same delivery again as a duplicate (same identifier, no retry header). */
    public Webhooks.Sent duplicate(Delivery delivery) {
        return webhooks.duplicate(delivery, descriptor(), identity.clientKey(), secret());
    }

    /** Prepares and sends a webhook that happened now. */
    public Webhooks.Sent webhook(String event, String issueKey) {
        return send(prepareWebhook(event, issueKey, Map.of(), clock.instant()));
    }

    /**
     * Sends a webhook body as Jira would for a change on the site, when an app is installed, enabled and subscribed
     * to the event; empty otherwise (no app, or it does not listen), as Jira then sends nothing.
     */
    public Optional<Webhooks.Sent> sendIfSubscribed(String event, String body) {
        Descriptor installed = descriptor;
        if (installed == null || secret == null || uninstalled) {
            return Optional.empty();
        }
        return webhooks.prepareBody(installed, event, body).map(this::send);
    }

    public SiteIdentity identity() {
        return identity;
    }

    public Descriptor descriptor() {
        if (descriptor == null) {
            throw new IllegalStateException("the site has not installed an app yet");
        }
        return descriptor;
    }

    /** The shared secret of the current install. */
    public String secret() {
        if (secret == null) {
            throw new IllegalStateException("the site has not installed an app yet");
        }
        return secret;
    }
}
