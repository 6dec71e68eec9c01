package dev.ferry.connection;

import dev.ferry.principal.ApiCaller;
import dev.ferry.principal.ApiScope;
import dev.ferry.principal.RequiresScope;
import dev.ferry.refusal.Refusal;
import dev.ferry.sitelink.SiteConnections;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organization's connections to Jira, every kind in one list: add an API-token connection, edit it
 * (replace its token without re-entering the rest), delete it. OAuth connections are made in the console,
 * where a person approves Ferry at Atlassian; app installs are linked from the Jira sites page.
 */
@RestController
@RequestMapping("/api/v1/connections")
class ConnectionsController {

    private final Connections connections;
    private final ApiTokenConnections apiTokens;
    private final ConnectionRemoval removal;
    private final SiteConnections sites;

    ConnectionsController(Connections connections, ApiTokenConnections apiTokens, ConnectionRemoval removal,
            SiteConnections sites) {
        this.connections = connections;
        this.apiTokens = apiTokens;
        this.removal = removal;
        this.sites = sites;
    }

    @GetMapping
    @RequiresScope(ApiScope.CONFIG_READ)
    ConnectionList list(ApiCaller caller) {
        return new ConnectionList(connections.of(caller.organizationId()));
    }

    @GetMapping("/{id}")
    @RequiresScope(ApiScope.CONFIG_READ)
    ConnectionView get(ApiCaller caller, @PathVariable String id) {
        return connections.find(caller.organizationId(), id);
    }

    /**
     * Adds an API-token connection once Jira accepted the token ({@code GET /rest/api/3/myself}), on the route
     * where it worked; 201 with the connection and what Ferry noticed.
     */
    @PostMapping
    @RequiresScope(ApiScope.CONFIG_WRITE)
    ResponseEntity<ConnectionView> add(ApiCaller caller, @RequestBody AddConnection body) {
        if (body.kind() != null && !"api_token".equals(body.kind())) {
            throw Refusal.invalid("kind is api_token: an OAuth connection is made with \"Connect with Atlassian\" in the"
                    + " console, where a person approves Ferry at Atlassian; an app install is linked on the Jira sites page");
        }
        ApiTokenConnections.Added added = apiTokens.add(caller.organizationId(), caller.actor(), body.apiToken());
        ConnectionView view = connections.find(caller.organizationId(), added.connection().id()).withNotes(added.notes());
        return ResponseEntity.created(URI.create("/api/v1/connections/" + view.id())).body(view);
    }

    /** Changes the fields given; a new {@code token} is tried against Jira before it replaces the stored one. */
    @PatchMapping("/{id}")
    @RequiresScope(ApiScope.CONFIG_WRITE)
    ConnectionView edit(ApiCaller caller, @PathVariable String id, @RequestBody ConnectionChanges body) {
        apiTokens.edit(caller.organizationId(), caller.actor(), id, body);
        return connections.find(caller.organizationId(), id);
    }

    /**
     * Deletes an API-token or OAuth connection, or unlinks an installed site: the destinations over it stop
     * and its open deliveries end ({@code GET …/{id}} first tells which).
     */
    @DeleteMapping("/{id}")
    @RequiresScope(ApiScope.CONFIG_WRITE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(ApiCaller caller, @PathVariable String id) {
        ConnectionView connection = connections.find(caller.organizationId(), id);
        if (ConnectionKind.APP_INSTALL.value().equals(connection.kind())) {
            sites.disconnect(caller.organizationId(), caller.actor(), id);
        } else {
            removal.delete(caller.organizationId(), caller.actor(), id);
        }
    }

    /** What deleting the connection would stop. */
    @GetMapping("/{id}/what-stops")
    @RequiresScope(ApiScope.CONFIG_READ)
    ConnectionRemoval.WhatStops whatStops(ApiCaller caller, @PathVariable String id) {
        connections.find(caller.organizationId(), id);
        return removal.whatStops(caller.organizationId(), id);
    }

    /** A new API-token connection: {@code kind} is {@code api_token} (or left out); the rest as {@link NewApiToken}. */
    record AddConnection(String kind, String siteUrl, String email, String token, String route,
            LocalDate tokenExpiresOn, String confluenceUrl, String confluenceEmail, String confluenceToken,
            String defaultProject) {

        NewApiToken apiToken() {
            return new NewApiToken(siteUrl, email, token, route, tokenExpiresOn, confluenceUrl, confluenceEmail,
                    confluenceToken, defaultProject);
        }

        @Override
        public String toString() {
            return "AddConnection[" + kind + ", " + siteUrl + ", " + email + ", tokens hidden]";
        }
    }

    record ConnectionList(List<ConnectionView> connections) {
    }
}
