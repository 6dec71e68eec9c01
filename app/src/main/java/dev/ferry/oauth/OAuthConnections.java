package dev.ferry.oauth;

import dev.ferry.connection.ConnectionProperties;
import dev.ferry.connection.OAuthProperties;
import dev.ferry.connection.ConnectionStore;
import dev.ferry.connection.TokenConnection;
import dev.ferry.connection.ConnectionKind;
import dev.ferry.connection.ApiRoute;
import dev.ferry.connection.FailureWords;
import dev.ferry.audit.AuditAction;
import dev.ferry.audit.AuditLog;
import dev.ferry.jira.JiraAccount;
import dev.ferry.jira.JiraAuth;
import dev.ferry.jira.JiraClient;
import dev.ferry.jira.JiraException;
import dev.ferry.jira.JiraSite;
import dev.ferry.refusal.Refusal;
import dev.ferry.sitelink.SiteLinks;
import dev.ferry.siteplan.FreePlanGate;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Connect with Atlassian" (OAuth 2.0 3LO): the redirect to Atlassian's consent page, the callback that trades
 * the code for tokens, and the pick of sites (one connection each); or, for a reconnect, the grant's tokens
 * replaced so its parked deliveries go again. Whatever is refused on the way stores nothing.
 */
@Service
public class OAuthConnections {

    private static final Logger log = LoggerFactory.getLogger(OAuthConnections.class);

    private final OAuthProperties properties;
    private final OAuthStates states;
    private final OAuthClient atlassian;
    private final OAuthGrantStore grants;
    private final OAuthRefresher refresher;
    private final ConnectionStore store;
    private final ConnectionProperties gateway;
    private final JiraClient jira;
    private final SiteLinks siteLinks;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final FreePlanGate freePlan;
    private final Clock clock;

    OAuthConnections(OAuthProperties properties, OAuthStates states, OAuthClient atlassian, OAuthGrantStore grants,
            OAuthRefresher refresher, ConnectionStore store, ConnectionProperties gateway, JiraClient jira,
            SiteLinks siteLinks, AuditLog audit, TransactionTemplate transaction, FreePlanGate freePlan, Clock clock) {
        this.freePlan = freePlan;
        this.properties = properties;
        this.states = states;
        this.atlassian = atlassian;
        this.grants = grants;
        this.refresher = refresher;
        this.store = store;
        this.gateway = gateway;
        this.jira = jira;
        this.siteLinks = siteLinks;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Who acts, in which organization and sign-in session (only its hash is kept). */
    public record Actor(String organizationId, String person, String sessionId) {
    }

    /** Where the callback leads: the pick of sites for a new grant, or the connection a reconnect renewed. */
    public record Called(String grantId, String reconnected) {
    }

    /** Why the OAuth option is off, naming the settings to set; null when it is on. */
    public String notConfigured() {
        return properties.configured() ? null : "Connect with Atlassian needs an OAuth 2.0 (3LO) app: set"
                + " ferry.oauth.client-id, ferry.oauth.client-secret and ferry.oauth.redirect-uri (the app's callback,"
                + " ending in /admin/connections/oauth/callback), from developer.atlassian.com → Developer console.";
    }

    /** Stores a state for this session and answers Atlassian's consent URL to send the browser to. */
    public URI start(Actor actor, String connectionId) {
        String off = notConfigured();
        if (off != null) {
            throw Refusal.invalid(off);
        }
        String reconnect = connectionId == null || connectionId.isBlank() ? null : oauthConnection(actor, connectionId).id();
        String state = states.start(actor.organizationId(), actor.sessionId(), actor.person(), reconnect);
        return atlassian.authorizeUri(state);
    }

    /** Atlassian's answer at the callback. The state goes first, so nothing else is acted on for a stranger. */
    public Called callback(Actor actor, String code, String state, String error, String errorDescription) {
        OAuthStates.Started started;
        try {
            started = states.take(state, actor.sessionId());
        } catch (OAuthStates.Refused refused) {
            throw Refusal.invalid(refused.getMessage());
        }
        if (!started.person().equals(actor.person()) || !started.organizationId().equals(actor.organizationId())) {
            throw Refusal.invalid("This answer from Atlassian was started by someone else. Nothing was connected.");
        }
        if (error != null && !error.isBlank()) {
            throw Refusal.invalid("Atlassian did not grant access (" + error
                    + (errorDescription == null || errorDescription.isBlank() ? "" : ": " + errorDescription)
                    + "). Nothing was connected.");
        }
        if (code == null || code.isBlank()) {
            throw Refusal.invalid("Atlassian's answer carries no code. Nothing was connected: start again.");
        }
        OAuthTokens tokens = atlassianSays("refused the authorization code", () -> atlassian.exchange(code));
        List<OAuthSite> sites = atlassianSays("refused the new access token", () -> atlassian.accessibleResources(tokens.accessToken()));
        if (sites.isEmpty()) {
            throw new Refusal(Refusal.Kind.JIRA_REFUSED, "The grant covers no site: the account that approved has access"
                    + " to no Jira site for this app. Approve with an account of the site, or ask its administrator."
                    + " Nothing was connected.");
        }
        if (started.connectionId() != null) {
            return new Called(null, reconnect(actor, started.connectionId(), tokens, sites));
        }
        String grantId = java.util.UUID.randomUUID().toString();
        grants.insert(grantId, actor.organizationId(), actor.person(), tokens, clock.instant());
        log.info("OAuth grant {} stored for organization {} by {}; {} sites to pick from", grantId,
                actor.organizationId(), actor.person(), sites.size());
        return new Called(grantId, null);
    }

    /** The sites a new grant reaches, for its starter to pick from. */
    public List<OAuthSite> sites(Actor actor, String grantId) {
        unpicked(actor, grantId);
        String token = refresher.accessToken(grantId).orElseThrow(() -> Refusal.notFound("no grant " + grantId));
        return atlassianSays("refused the grant", () -> atlassian.accessibleResources(token));
    }

    /** One connection for each picked site; answers them. */
    public List<TokenConnection> pick(Actor actor, String grantId, List<String> cloudIds) {
        unpicked(actor, grantId);
        Set<String> picked = Set.copyOf(cloudIds == null ? List.of() : cloudIds);
        List<OAuthSite> chosen = sites(actor, grantId).stream().filter(site -> picked.contains(site.cloudId())).toList();
        if (chosen.isEmpty()) {
            throw Refusal.invalid("Pick at least one site to connect.");
        }
        String token = refresher.accessToken(grantId).orElseThrow();
        Instant now = clock.instant();
        List<TokenConnection> made = new ArrayList<>();
        for (OAuthSite site : chosen) {
            String id = ConnectionKind.OAUTH.newId();
            JiraSite jiraSite = new JiraSite(id, URI.create(site.url()), gateway.gateway("jira", site.cloudId()),
                    new JiraAuth.OAuthBearer(token));
            JiraAccount account = myself(jiraSite, site);
            // A plan Jira will not tell (no license scope in the grant) is logged by the gate; the site is linked.
            freePlan.check(actor.organizationId(), actor.person(), jiraSite, site.url());
            made.add(new TokenConnection(id, 0, actor.organizationId(), ConnectionKind.OAUTH, URI.create(site.url()),
                    site.cloudId(), ApiRoute.GATEWAY, null, null, null, null, false, grantId, null,
                    account.accountId(), account.displayName(), now, actor.person(), now));
        }
        refuseDuplicates(actor.organizationId(), made);
        transaction.executeWithoutResult(status -> {
            for (TokenConnection c : made) {
                store.insert(c, null, null);
                siteLinks.linkConnection(c.id(), actor.organizationId(), actor.person(), now);
                audit.record(actor.organizationId(), actor.person(), AuditAction.CONNECTION_ADDED, c.id(),
                        "OAuth 2.0 grant of " + c.accountName() + " for " + c.siteUrl());
            }
            grants.markPicked(grantId, made.get(0).accountId());
        });
        made.forEach(c -> log.info("connection {} added to organization {} by {}: {} over OAuth", c.id(),
                actor.organizationId(), actor.person(), c.siteUrl()));
        return made;
    }

    /** A site the organization reaches already with the same account's grant is renewed with Reconnect, not added twice. */
    private void refuseDuplicates(String organizationId, List<TokenConnection> made) {
        for (TokenConnection existing : store.listOf(organizationId)) {
            for (TokenConnection c : made) {
                if (existing.kind() == ConnectionKind.OAUTH && existing.cloudId().equals(c.cloudId())
                        && java.util.Objects.equals(existing.accountId(), c.accountId())) {
                    throw Refusal.conflict(c.siteUrl() + " is connected with " + c.accountName() + "'s approval already"
                            + " (" + existing.id() + "): use Reconnect on it to renew the approval. Nothing was added.");
                }
            }
        }
    }

    private String reconnect(Actor actor, String connectionId, OAuthTokens tokens, List<OAuthSite> sites) {
        TokenConnection connection = oauthConnection(actor, connectionId);
        if (sites.stream().noneMatch(site -> site.cloudId().equals(connection.cloudId()))) {
            throw new Refusal(Refusal.Kind.JIRA_REFUSED, "The account that approved does not reach " + connection.siteUrl()
                    + ". Approve with an account of that site. Nothing was changed.");
        }
        String grantId = connection.oauthGrantId();
        List<TokenConnection> renewed = store.ofGrant(grantId);
        transaction.executeWithoutResult(status -> {
            grants.renew(grantId, tokens, clock.instant());
            for (TokenConnection c : renewed) {
                siteLinks.credentialsRenewed(c.id());
                audit.record(actor.organizationId(), actor.person(), AuditAction.CONNECTION_RECONNECTED, c.id(),
                        "OAuth 2.0 grant approved again for " + c.siteUrl());
            }
        });
        log.info("grant {} reconnected by {}: {} connections resume", grantId, actor.person(), renewed.size());
        return connection.id();
    }

    private TokenConnection oauthConnection(Actor actor, String connectionId) {
        TokenConnection c = store.of(actor.organizationId(), connectionId);
        if (c.kind() != ConnectionKind.OAUTH) {
            throw Refusal.invalid("Only an OAuth connection is reconnected with Atlassian; " + connectionId + " is not one.");
        }
        return c;
    }

    /** Only the person who approved picks, once; anyone else is told there is no such grant. */
    private OAuthGrantStore.Grant unpicked(Actor actor, String grantId) {
        return grants.find(grantId == null ? "" : grantId)
                .filter(g -> g.organizationId().equals(actor.organizationId()) && g.createdBy().equals(actor.person()))
                .filter(g -> !g.picked())
                .orElseThrow(() -> Refusal.notFound("No approval from Atlassian waits for you to pick sites (it was"
                        + " picked already, is another person's, or is more than a day old). Start again with Connect with Atlassian."));
    }

    private JiraAccount myself(JiraSite jiraSite, OAuthSite site) {
        Instant started = clock.instant();
        try {
            return jira.myself(jiraSite);
        } catch (JiraException e) {
            throw new Refusal(Refusal.Kind.JIRA_REFUSED, "Jira would not say who the grant calls as on " + site.url()
                    + ": " + FailureWords.of(e, "Jira", Duration.between(started, clock.instant())));
        }
    }

    private static <T> T atlassianSays(String what, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (OAuthFailure failure) {
            Refusal.Kind kind = failure.status() == 0 || failure.status() >= 500 ? Refusal.Kind.JIRA_UNAVAILABLE
                    : Refusal.Kind.JIRA_REFUSED;
            throw new Refusal(kind, "Atlassian " + what + ": " + failure.words() + ". Nothing was connected.");
        }
    }
}
