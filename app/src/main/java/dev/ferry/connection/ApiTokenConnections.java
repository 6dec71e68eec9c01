package dev.ferry.connection;

import dev.ferry.audit.AuditAction;
import dev.ferry.audit.AuditLog;
import dev.ferry.refusal.BodyChecks;
import dev.ferry.siteplan.FreePlanGate;
import dev.ferry.sitelink.SiteLinks;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds and edits API-token connections. Every field is checked first, then the token is tried against Jira
 * (where it works decides the route), and only a token Jira accepted is stored: bad input changes nothing.
 */
@Service
public class ApiTokenConnections {

    private static final Logger log = LoggerFactory.getLogger(ApiTokenConnections.class);

    private final ConnectionStore store;
    private final SiteAddresses addresses;
    private final TokenRoutes routes;
    private final SiteLinks siteLinks;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final FreePlanGate freePlan;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApiTokenConnections(ConnectionStore store, SiteAddresses addresses, TokenRoutes routes, SiteLinks siteLinks,
            AuditLog audit, TransactionTemplate transaction, FreePlanGate freePlan, ApplicationEventPublisher events,
            Clock clock) {
        this.events = events;
        this.freePlan = freePlan;
        this.store = store;
        this.addresses = addresses;
        this.routes = routes;
        this.siteLinks = siteLinks;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** A stored connection and what Ferry noticed adding it (the URL reduced to the site, the route found). */
    public record Added(TokenConnection connection, java.util.List<String> notes) {
    }

    public Added add(String organizationId, String actor, NewApiToken body) {
        BodyChecks checks = new BodyChecks();
        SiteAddresses.Site site = checks.attempt(() -> addresses.jiraSite("/siteUrl", body.siteUrl()));
        String email = TokenChecks.email(checks, "/email", body.email());
        String token = TokenChecks.token(checks, "/token", body.token());
        ApiRoute wanted = TokenChecks.route(checks, "/route", body.route());
        LocalDate expiresOn = TokenChecks.expiry(checks, "/tokenExpiresOn", body.tokenExpiresOn(), today());
        URI confluenceUrl = blank(body.confluenceUrl()) ? null
                : checks.attempt(() -> addresses.confluence("/confluenceUrl", body.confluenceUrl()));
        String confluenceEmail = blank(body.confluenceEmail()) ? null
                : TokenChecks.email(checks, "/confluenceEmail", body.confluenceEmail());
        String confluenceToken = blank(body.confluenceToken()) ? null
                : TokenChecks.token(checks, "/confluenceToken", body.confluenceToken());
        String project = TokenChecks.project(checks, "/defaultProject", body.defaultProject());
        checks.refuseIfAny();

        String id = ConnectionKind.API_TOKEN.newId();
        TokenRoutes.Found found = routes.find(id, site.url(), email, token, wanted);
        var planNote = freePlan.check(organizationId, actor, found.site(), site.url().toString());
        Instant now = clock.instant();
        TokenConnection connection = new TokenConnection(id, 0, organizationId, ConnectionKind.API_TOKEN, site.url(),
                found.cloudId(), found.route(), email, expiresOn, confluenceUrl, confluenceEmail, confluenceToken != null,
                null, project, found.account().accountId(), found.account().displayName(), now, actor, now);
        transaction.executeWithoutResult(status -> {
            store.insert(connection, token, confluenceToken);
            siteLinks.linkConnection(id, organizationId, actor, now);
            audit.record(organizationId, actor, AuditAction.CONNECTION_ADDED, id,
                    "API token of " + email + " for " + site.url() + " (" + found.route().value() + ")");
        });
        log.info("connection {} added to organization {} by {}: {} via {}", id, organizationId, actor, site.url(),
                found.route().value());
        java.util.List<String> notes = new java.util.ArrayList<>();
        if (site.note() != null) {
            notes.add(site.note());
        }
        if (found.note() != null) {
            notes.add(found.note());
        }
        planNote.ifPresent(notes::add);
        return new Added(store.find(id).orElseThrow(), notes);
    }

    /**
     * Changes what was given, leaving the rest. A new token or email is tried against Jira before it is kept,
     * on the route the connection has; once kept, Jira's earlier rejection no longer holds and the
     * connection's waiting deliveries go again. Links, destinations and history stay, since the id stays.
     */
    public TokenConnection edit(String organizationId, String actor, String id, ConnectionChanges changes) {
        TokenConnection current = store.of(organizationId, id);
        if (current.kind() != ConnectionKind.API_TOKEN) {
            throw dev.ferry.refusal.Refusal.invalid("only an API-token connection has an email and a token to edit;"
                    + " an OAuth connection is renewed with Reconnect");
        }
        BodyChecks checks = new BodyChecks();
        String email = changes.email() == null ? current.email() : TokenChecks.email(checks, "/email", changes.email());
        String token = changes.token() == null ? null : TokenChecks.token(checks, "/token", changes.token());
        LocalDate expiresOn = Boolean.TRUE.equals(changes.clearTokenExpiry()) ? null : changes.tokenExpiresOn() == null
                ? current.tokenExpiresOn() : TokenChecks.expiry(checks, "/tokenExpiresOn", changes.tokenExpiresOn(), today());
        URI confluenceUrl = changes.confluenceUrl() == null ? current.confluenceUrl() : changes.confluenceUrl().isBlank()
                ? null : checks.attempt(() -> addresses.confluence("/confluenceUrl", changes.confluenceUrl()));
        String confluenceEmail = changes.confluenceEmail() == null ? current.confluenceEmail()
                : changes.confluenceEmail().isBlank() ? null
                : TokenChecks.email(checks, "/confluenceEmail", changes.confluenceEmail());
        String confluenceToken = changes.confluenceToken() == null || changes.confluenceToken().isEmpty() ? null
                : TokenChecks.token(checks, "/confluenceToken", changes.confluenceToken());
        String project = changes.defaultProject() == null ? current.defaultProject()
                : TokenChecks.project(checks, "/defaultProject", changes.defaultProject());
        checks.refuseIfAny();

        boolean newCredentials = token != null || !email.equals(current.email());
        TokenConnection changed = new TokenConnection(id, current.version(), organizationId, current.kind(),
                current.siteUrl(), current.cloudId(), current.route(), email, expiresOn, confluenceUrl, confluenceEmail,
                current.separateConfluenceToken(), null, project, current.accountId(), current.accountName(),
                current.createdAt(), current.createdBy(), current.updatedAt());
        if (newCredentials) {
            String tried = token != null ? token : store.token(id).orElseThrow();
            TokenRoutes.Found found = routes.find(id, current.siteUrl(), email, tried, current.route());
            changed = withAccount(changed, found);
        }
        TokenConnection toSave = changed;
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            if (!store.update(toSave, now)) {
                throw dev.ferry.refusal.Refusal.conflict("the connection was changed by someone else just now: reload it");
            }
            if (token != null) {
                store.replaceToken(id, token);
            }
            if (changes.confluenceToken() != null) {
                store.replaceConfluenceToken(id, confluenceToken);
            }
            audit.record(organizationId, actor, token != null ? AuditAction.CONNECTION_TOKEN_REPLACED
                    : AuditAction.CONNECTION_EDITED, id, edited(changes));
            if (newCredentials) {
                siteLinks.credentialsRenewed(id);
            }
            if (touchesConfluence(changes)) {
                events.publishEvent(new ConfluenceCredentialsChanged(id));
            }
        });
        log.info("connection {} edited by {} ({})", id, actor, edited(changes));
        return store.find(id).orElseThrow();
    }

    private static TokenConnection withAccount(TokenConnection c, TokenRoutes.Found found) {
        return new TokenConnection(c.id(), c.version(), c.organizationId(), c.kind(), c.siteUrl(), c.cloudId(),
                c.route(), c.email(), c.tokenExpiresOn(), c.confluenceUrl(), c.confluenceEmail(),
                c.separateConfluenceToken(), c.oauthGrantId(), c.defaultProject(), found.account().accountId(),
                found.account().displayName(), c.createdAt(), c.createdBy(), c.updatedAt());
    }

    /** Whether an edit names any of the Confluence URL, email or token (an empty value clears it). */
    private static boolean touchesConfluence(ConnectionChanges changes) {
        return changes.confluenceUrl() != null || changes.confluenceEmail() != null || changes.confluenceToken() != null;
    }

    /** Which fields an edit touched, for the audit log: names only, never a value that could be a secret. */
    private static String edited(ConnectionChanges changes) {
        java.util.List<String> fields = new java.util.ArrayList<>();
        if (changes.email() != null) {
            fields.add("email");
        }
        if (changes.token() != null) {
            fields.add("token replaced");
        }
        if (changes.tokenExpiresOn() != null || Boolean.TRUE.equals(changes.clearTokenExpiry())) {
            fields.add("token expiry");
        }
        if (touchesConfluence(changes)) {
            fields.add("Confluence");
        }
        if (changes.defaultProject() != null) {
            fields.add("default project");
        }
        return fields.isEmpty() ? "nothing changed" : String.join(", ", fields);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
