package dev.ferry.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.site.TestSites;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.Tokens;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The HS256 checks of every request Jira signs with a site's shared secret, over real HTTP. */
@FerryIntegrationTest
@Import(ConnectGateTest.GatedEndpoints.class)
class ConnectGateTest {

    static final String SITE = "gate-site";
    static final String SECRET = "gate-site-shared-secret-long-enough-000000001";

    @LocalServerPort
    int port;
    @Autowired
    Tokens tokens;
    @Autowired
    TestSites sites;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        sites.install(SITE, SECRET);
    }

    @Test
    void aTokenForThisRequestIsAcceptedFromTheHeaderOrTheQuery() {
        String path = "/gated/page?issueKey=ABC-1";
        String token = tokens.request(SITE, SECRET, "GET", path);

        assertThat(http.get(path, "Authorization", "JWT " + token).body()).isEqualTo(SITE + " user=none");
        assertThat(http.get(path + "&jwt=" + token).statusCode()).isEqualTo(200);
    }

    @Test
    void theUserComesFromSubOrTheLegacyContextClaim() {
        var claims = tokens.claims(SITE, "GET", "/gated/page");
        claims.put("context", Map.of("user", Map.of("accountId", "legacy-user")));

        assertThat(get("/gated/page", tokens.hs256(claims, SECRET)).body()).isEqualTo(SITE + " user=legacy-user");
        claims.put("sub", "557058:current-user");
        assertThat(get("/gated/page", tokens.hs256(claims, SECRET)).body()).isEqualTo(SITE + " user=557058:current-user");
    }

    @Test
    void noneAndEveryAlgorithmButHs256AreRefused() {
        var claims = tokens.claims(SITE, "GET", "/gated/page");
        refused(get("/gated/page", JwtSigner.unsigned(Map.of("alg", "none"), claims, "")), "alg none");
        refused(get("/gated/page", JwtSigner.unsigned(Map.of("alg", "HS512"), claims, "c2ln")), "only HS256");
        refused(get("/gated/page", tokens.rs256(claims)), "only HS256");
    }

    @Test
    void aWrongSignatureIsRefused() {
        refused(get("/gated/page", tokens.request(SITE, "not-the-secret-but-just-as-long-as-it-000001", "GET",
                "/gated/page")), "signature");
    }

    @Test
    void anUnknownOrUninstalledIssuerIsRefused() {
        refused(get("/gated/page", tokens.request("stranger", SECRET, "GET", "/gated/page")), "not an installed site");
        sites.uninstall(SITE);
        refused(get("/gated/page", tokens.request(SITE, SECRET, "GET", "/gated/page")), "uninstalled");
    }

    @Test
    void timesOutsideTheThirtySecondSkewAreRefused() {
        // Two seconds past the skew, not one: the server's clock may have ticked into the next second.
        long now = Instant.now().getEpochSecond();
        refused(get("/gated/page", withTimes(now - 300, now - 31, null)), "expired");
        refused(get("/gated/page", withTimes(now + 32, now + 200, null)), "future");
        refused(get("/gated/page", withTimes(now, now + 86_400, null)), "too far in the future");
        refused(get("/gated/page", withTimes(now, now + 100, now + 60)), "not valid before");
        assertThat(get("/gated/page", withTimes(now - 200, now - 20, now + 20)).statusCode()).isEqualTo(200);
    }

    @Test
    void missingTimesAreRefused() {
        var claims = tokens.claims(SITE, "GET", "/gated/page");
        claims.remove("exp");
        refused(get("/gated/page", tokens.hs256(claims, SECRET)), "no exp");
    }

    @Test
    void theQshMustBindThisExactRequest() {
        var claims = tokens.claims(SITE, "GET", "/gated/page");
        claims.remove("qsh");
        refused(get("/gated/page", tokens.hs256(claims, SECRET)), "no qsh");
        refused(get("/gated/page?issueKey=ABC-2", tokens.request(SITE, SECRET, "GET", "/gated/page?issueKey=ABC-1")),
                "qsh does not match");
        refused(http.post("/gated/page", "{}", "Authorization", "JWT " + tokens.request(SITE, SECRET, "GET", "/gated/page")),
                "qsh does not match");
    }

    @Test
    void aFormBodyIsNotPartOfTheQsh() {
        String token = tokens.request(SITE, SECRET, "POST", "/gated/page");

        var response = http.post("/gated/page", "a=b", "Authorization", "JWT " + token);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void aContextTokenOpensOnlyContextEndpoints() {
        String context = tokens.context(SITE, SECRET, "557058:user");

        assertThat(get("/gated/context", context).body()).isEqualTo(SITE + " user=557058:user");
        refused(get("/gated/page", context), "context token is not accepted here");
        refused(get("/gated/context", tokens.request(SITE, SECRET, "GET", "/gated/context")), "only context tokens");
    }

    @Test
    void aRefusalNeverEchoesTheToken() {
        String token = tokens.request(SITE, "not-the-secret-but-just-as-long-as-it-000001", "GET", "/gated/page");

        var response = get("/gated/page", token);

        assertThat(response.body()).doesNotContain(token).doesNotContain(token.split("\\.")[2]);
    }

    String withTimes(long iat, long exp, Long nbf) {
        var claims = tokens.claims(SITE, "GET", "/gated/page");
        claims.put("iat", iat);
        claims.put("exp", exp);
        if (nbf != null) {
            claims.put("nbf", nbf);
        }
        return tokens.hs256(claims, SECRET);
    }

    HttpResponse<String> get(String path, String token) {
        return http.get(path, "Authorization", "JWT " + token);
    }

    static void refused(HttpResponse<String> response, String reason) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.body()).contains(reason);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("JWT realm=\"ferry-for-jira\"");
    }

    /** One endpoint per token kind, answering with the principal they saw. */
    @RestController
    static class GatedEndpoints {

        @GetMapping("/gated/page")
        @ConnectJwt
        String page(ConnectPrincipal principal) {
            return principal.clientKey() + " user=" + principal.accountId().orElse("none");
        }

        @PostMapping(path = "/gated/page")
        @ConnectJwt
        String form(ConnectPrincipal principal, @RequestBody(required = false) String body) {
            return principal.clientKey();
        }

        @GetMapping("/gated/context")
        @ConnectJwt(TokenKind.CONTEXT)
        String context(ConnectPrincipal principal) {
            return principal.clientKey() + " user=" + principal.accountId().orElse("none");
        }
    }
}
