package dev.ferry.admin;

import static dev.ferry.admin.OrganizationBootstrapTest.JSON;
import static dev.ferry.admin.OrganizationBootstrapTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.principal.ApiScope;
import dev.ferry.principal.RequiresScope;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.Organizations;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Every product API handler declares the scope it needs, and a key without that scope is refused before it runs. */
@FerryIntegrationTest
class RequiredScopesTest {

    /**
     * The handlers that by design take no API key and so declare no scope: springdoc's OpenAPI document (JSON
     * and YAML) and the operator's organization bootstrap (its own token). Anything else without a scope is a mistake.
     */
    static final Set<String> NEED_NO_SCOPE = Set.of("/api/v1/openapi.json", "/api/v1/openapi.json.yaml",
            "/api/v1/organizations");

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    record Api(String method, String pattern, HandlerMethod handler) {

        String path() {
            return pattern.replaceAll("\\{[^}]+}", "1");
        }

        @Override
        public String toString() {
            return method + " " + pattern + " (" + handler.getShortLogMessage() + ")";
        }
    }

    @Test
    void everyProductApiHandlerDeclaresAScopeUnlessItIsListedAsNeedingNone() {
        List<String> undeclared = new ArrayList<>();
        Set<String> exempted = new TreeSet<>();
        for (Api api : productApi()) {
            if (NEED_NO_SCOPE.contains(api.pattern())) {
                exempted.add(api.pattern());
            } else if (ScopeInterceptor.declared(api.handler()).isEmpty()) {
                undeclared.add(api.toString());
            }
        }

        assertThat(undeclared).as("handlers under /api with no @RequiresScope").isEmpty();
        assertThat(exempted).as("the list names handlers that exist").isEqualTo(new TreeSet<>(NEED_NO_SCOPE));
        assertThat(AdminWebConfig.NO_API_KEY).as("the paths that skip the key and scope checks")
                .containsExactlyInAnyOrderElementsOf(NEED_NO_SCOPE);
    }

    /** The body is not JSON: the scope is checked before anything reads it, so the answer is still 403. */
    @Test
    void aKeyLackingTheDeclaredScopeGets403FromEveryHandlerBeforeItsBodyIsRead() {
        var acme = organizations.create("Acme");
        Map<ApiScope, Organizations.Org> lacking = new EnumMap<>(ApiScope.class);
        List<Api> apis = productApi().stream().filter(api -> !NEED_NO_SCOPE.contains(api.pattern())).toList();
        assertThat(apis.stream().map(api -> api.handler().getBeanType().getSimpleName()).distinct())
                .as("one check per controller at least").hasSizeGreaterThanOrEqualTo(10);

        for (Api api : apis) {
            ApiScope scope = ScopeInterceptor.declared(api.handler()).map(RequiresScope::value).orElseThrow();
            var key = lacking.computeIfAbsent(scope, s -> organizations.key(acme.id(),
                    EnumSet.complementOf(EnumSet.of(s)).toArray(ApiScope[]::new)));

            HttpResponse<String> response = send(api, key.auth());

            assertProblem(response, 403);
            var problem = JSON.readTree(response.body());
            assertThat(problem.path("title").asString()).as(api.toString()).isEqualTo("Missing scope");
            assertThat(problem.path("detail").asString()).as(api.toString())
                    .isEqualTo("this API key lacks the scope " + scope.value());
        }
    }

    @Test
    void aKeyWithTheScopeGetsPastTheCheck() {
        var reader = organizations.create("Acme", ApiScope.AUDIT_READ);

        assertThat(http.get("/api/v1/audit", reader.auth()).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> send(Api api, String[] auth) {
        return switch (api.method()) {
            case "GET" -> http.get(api.path(), auth);
            case "DELETE" -> http.delete(api.path(), auth);
            case "PUT" -> http.put(api.path(), "not json", auth);
            default -> http.post(api.path(), "not json", auth);
        };
    }

    private List<Api> productApi() {
        List<Api> apis = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            String method = methods.isEmpty() ? "GET" : methods.iterator().next().name();
            entry.getKey().getPatternValues().stream().filter(pattern -> pattern.startsWith("/api/"))
                    .forEach(pattern -> apis.add(new Api(method, pattern, entry.getValue())));
        }
        assertThat(apis).as("the product API's handlers").hasSizeGreaterThan(20);
        return apis;
    }
}
