package dev.ferry.simulator.oauth;

import dev.ferry.simulator.Endpoint;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The HTTP side of {@link OAuthServer}: auth.atlassian.com's {@code /authorize} (the consent page) and
 * {@code /oauth/token}, and api.atlassian.com's {@code /oauth/token/accessible-resources}, each under its
 * own path prefix of the simulator's port.
 */
public final class OAuthEndpoint extends Endpoint {

    public static final String NAME = "ferry-oauth-endpoint";
    /** Where the simulator plays auth.atlassian.com. */
    public static final String AUTH_PREFIX = "/auth.atlassian.com";
    public static final String RESOURCES_PATH = "/api.atlassian.com/oauth/token/accessible-resources";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OAuthServer server;
    private final TokenExchange exchange;
    private volatile Site site;

    public OAuthEndpoint(OAuthServer server) {
        super(NAME);
        this.server = server;
        this.exchange = new TokenExchange(server);
    }

    /** The site a consent gives access to, known once the simulator's port is. */
    public void site(String cloudId, String url, String name) {
        this.site = new Site(cloudId, url, name);
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        String url = request.getUrl();
        String path = pathOf(url);
        String method = request.getMethod().getName();
        if (path.equals(AUTH_PREFIX + "/authorize") && method.equals("GET")) {
            return authorize(Form.urlEncoded(queryOf(url)));
        }
        if (path.equals(AUTH_PREFIX + ConsentPage.CONSENT_PATH) && method.equals("POST")) {
            return decide(Form.urlEncoded(request.getBodyAsString()));
        }
        if (path.equals(AUTH_PREFIX + "/oauth/token") && method.equals("POST")) {
            TokenExchange.Answer answer = exchange.token(Form.body(request.getHeader("Content-Type"), request.getBodyAsString()));
            return json(answer.status(), answer.body());
        }
        if (path.equals(RESOURCES_PATH) && method.equals("GET")) {
            return resources(request.getHeader("Authorization"));
        }
        return json(404, JSON.createObjectNode().put("code", 404).put("message", "Not Found").toString());
    }

    /** Atlassian shows an error page, and redirects nowhere, when it cannot trust the client or its callback. */
    private ResponseDefinition authorize(Map<String, String> asked) {
        var client = server.client(asked.get("client_id"));
        if (client.isEmpty() || !client.get().redirectUri().equals(asked.get("redirect_uri"))) {
            return html(400, ConsentPage.error("The app's client_id or redirect_uri is not registered."));
        }
        if (!"api.atlassian.com".equals(asked.get("audience")) || !"code".equals(asked.get("response_type"))
                || asked.getOrDefault("scope", "").isBlank()) {
            return html(400, ConsentPage.error("audience=api.atlassian.com, response_type=code and a scope are required."));
        }
        return html(200, ConsentPage.render(site.url() + AUTH_PREFIX, client.get(), asked, server.consentingAccountId()));
    }

    private ResponseDefinition decide(Map<String, String> form) {
        var client = server.client(form.get("client_id"));
        if (client.isEmpty() || !client.get().redirectUri().equals(form.get("redirect_uri"))) {
            return html(400, ConsentPage.error("The app's client_id or redirect_uri is not registered."));
        }
        String back = form.get("redirect_uri") + (form.get("redirect_uri").contains("?") ? "&" : "?");
        if (!"accept".equals(form.get("decision"))) {
            back += "error=access_denied&error_description=" + enc("The user denied access.");
        } else {
            back += "code=" + enc(server.issueCode(client.get(), form.get("redirect_uri"),
                    java.util.List.of(form.getOrDefault("scope", "").split(" "))));
        }
        back += "&state=" + enc(form.getOrDefault("state", ""));
        return ResponseDefinitionBuilder.responseDefinition().withStatus(302).withHeader("Location", back).build();
    }

    /** The sites the token's grant reaches: here the one simulated site, with the grant's product scopes. */
    private ResponseDefinition resources(String authorization) {
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7).trim() : "";
        var grant = server.grantOf(token);
        if (grant.isEmpty()) {
            return json(401, JSON.createObjectNode().put("code", 401).put("message", "Unauthorized").toString());
        }
        ArrayNode resources = JSON.createArrayNode();
        if (server.coversNoSite()) {
            return json(200, resources.toString());
        }
        ObjectNode resource = resources.addObject().put("id", site.cloudId()).put("url", site.url()).put("name", site.name());
        ArrayNode scopes = resource.putArray("scopes");
        grant.get().scopes.stream().filter(scope -> !scope.equals("offline_access")).forEach(scopes::add);
        resource.put("avatarUrl", "https://site-admin-avatar-cdn.prod.public.atl-paas.net/avatars/240/rocket.png");
        return json(200, resources.toString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static ResponseDefinition json(int status, String body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "application/json;charset=UTF-8").withHeader("Cache-Control", "no-store")
                .withBody(body).build();
    }

    private static ResponseDefinition html(int status, String body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "text/html;charset=UTF-8").withBody(body).build();
    }

    private record Site(String cloudId, String url, String name) {
    }
}
