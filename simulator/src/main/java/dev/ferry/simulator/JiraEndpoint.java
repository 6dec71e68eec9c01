package dev.ferry.simulator;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.ferry.simulator.auth.JiraAuth;
import dev.ferry.simulator.rest.Accounts;
import dev.ferry.simulator.rest.JiraRest;
import dev.ferry.simulator.spec.SpecCheck;
import dev.ferry.simulator.spec.Violation;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every REST call to the simulated site passes here, in Jira's order: check it against the spec,
 * authenticate it, apply any scripted fault, then serve it; and record it either way. Calls through the
 * API gateway ({@link GatewayPath}) are routed by cloudId first and recorded with the path the app used.
 */
final class JiraEndpoint extends Endpoint {

    static final String NAME = "ferry-jira-endpoint";
    /** The gateway's own short bodies, not Jira's: the call never reached a site. */
    static final String GATEWAY_NOT_FOUND = "{\"code\":404,\"message\":\"Not Found\"}";

    private final JiraAuth auth;
    private final JiraRest rest;
    private final Accounts accounts;
    private final dev.ferry.simulator.fault.Faults faults;
    private final java.util.function.Supplier<String> siteUrl;
    final List<RecordedCall> calls = new CopyOnWriteArrayList<>();
    final List<Violation> violations = new CopyOnWriteArrayList<>();
    private volatile Duration latency = Duration.ZERO;
    private volatile boolean specCheck = true;
    private volatile String cloudId;

    JiraEndpoint(JiraAuth auth, JiraRest rest, Accounts accounts, dev.ferry.simulator.fault.Faults faults,
            java.util.function.Supplier<String> siteUrl) {
        super(NAME);
        this.auth = auth;
        this.rest = rest;
        this.accounts = accounts;
        this.faults = faults;
        this.siteUrl = siteUrl;
    }

    JiraAuth auth() {
        return auth;
    }

    JiraRest rest() {
        return rest;
    }

    /** Every REST answer (faults included) waits this long first, like a real site far away. */
    void latency(Duration latency) {
        this.latency = latency;
    }

    /** The cloudId the gateway routes to this site. */
    void cloudId(String cloudId) {
        this.cloudId = cloudId;
    }

    /** Whether requests are checked against Atlassian's OpenAPI specs (on unless a benchmark turns it off). */
    void specCheck(boolean on) {
        this.specCheck = on;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        String url = request.getUrl();
        String path = pathOf(url);
        String query = queryOf(url);
        String method = request.getMethod().getName();
        Map<String, String> headers = headers(request);
        String body = request.getBody() == null || request.getBody().length == 0 ? null : request.getBodyAsString();
        boolean viaGateway = GatewayPath.isGateway(path);
        String sitePath = path;
        if (viaGateway) {
            var routed = GatewayPath.parse(path).filter(gateway -> gateway.cloudId().equals(cloudId));
            if (routed.isEmpty()) {
                return record(method, path, query, headers, body, null, json(404, GATEWAY_NOT_FOUND, Map.of()));
            }
            sitePath = routed.get().sitePath();
        }
        if (specCheck) {
            SpecCheck.problems(method, sitePath, query, headers, body)
                    .ifPresent(problem -> violations.add(new Violation(method, url, problem)));
        }
        String basePath = sitePath.startsWith("/wiki/") ? "/wiki" : "";
        JiraAuth.Verdict verdict = auth.check(method, sitePath, query, request.getHeader("Authorization"), basePath,
                viaGateway);
        if (!verdict.accepted()) {
            return record(method, path, query, headers, body, null, json(401, viaGateway ? gatewayUnauthorized(verdict)
                    : "{\"errorMessages\":[\"" + verdict.reason().replace("\"", "'") + "\"],\"errors\":{}}", Map.of()));
        }
        return serve(method, path, sitePath, query, headers, body, verdict);
    }

    private ResponseDefinition serve(String method, String path, String sitePath, String query, Map<String, String> headers,
            String body, JiraAuth.Verdict verdict) {
        var fault = faults.next(method, sitePath);
        if (fault.isPresent() && !fault.get().passThrough()) {
            return record(method, path, query, headers, body, verdict.kind(), faulted(fault.get()));
        }
        JiraRest.Answer answer = rest.handle(method, sitePath, query, body, siteUrl.get(), caller(verdict));
        if (fault.isPresent() && fault.get().answerLostAfterWork()) {
            return record(method, path, query, headers, body, verdict.kind(),
                    ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER));
        }
        ResponseDefinitionBuilder builder = json(answer.status(), answer.json(), answer.headers());
        fault.ifPresent(slow -> builder.withFixedDelay((int) slow.delay().toMillis()));
        return record(method, path, query, headers, body, verdict.kind(), builder);
    }

    /** The gateway says only "Unauthorized", or which part of it: the scopes (as Jira words it). */
    private static String gatewayUnauthorized(JiraAuth.Verdict verdict) {
        String message = verdict.reason().startsWith("Unauthorized") ? verdict.reason() : "Unauthorized";
        return "{\"code\":401,\"message\":\"" + message + "\"}";
    }

    /** The account the call acts as: the app's bot user for its JWT, else the token's owner (a Forge token's: the bot). */
    private String caller(JiraAuth.Verdict verdict) {
        return switch (verdict.kind()) {
            case "basic" -> accounts.byEmail(verdict.subject()).accountId();
            case "bearer", "forge-system", "forge-user" -> accounts.byId(verdict.subject()).accountId();
            default -> accounts.app(verdict.subject()).accountId();
        };
    }

    private ResponseDefinition record(String method, String path, String query, Map<String, String> headers, String body,
            String authKind, ResponseDefinitionBuilder response) {
        ResponseDefinition definition = withLatency(response.build());
        calls.add(new RecordedCall(method, path, query, headers, body, definition.getStatus(), authKind));
        return definition;
    }

    private ResponseDefinition withLatency(ResponseDefinition definition) {
        long millis = latency.toMillis();
        if (millis == 0) {
            return definition;
        }
        Integer own = definition.getFixedDelayMilliseconds();
        return ResponseDefinitionBuilder.like(definition).withFixedDelay((int) millis + (own == null ? 0 : own)).build();
    }

    private static ResponseDefinitionBuilder faulted(dev.ferry.simulator.fault.Fault fault) {
        if (fault.resetConnection()) {
            return ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER);
        }
        ResponseDefinitionBuilder builder = json(fault.status(), fault.json(), fault.headers());
        return fault.delay().isZero() ? builder : builder.withFixedDelay((int) fault.delay().toMillis());
    }

    private static ResponseDefinitionBuilder json(int status, String json, Map<String, String> headers) {
        ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition().withStatus(status);
        if (json != null) {
            builder.withHeader("Content-Type", "application/json;charset=UTF-8").withBody(json);
        }
        headers.forEach(builder::withHeader);
        return builder;
    }

    private static Map<String, String> headers(Request request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpHeader header : request.getHeaders().all()) {
            headers.put(header.key(), header.firstValue());
        }
        return headers;
    }
}
