package dev.ferry.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.connect.JwtSigner;
import dev.ferry.support.FerryIntegrationTest;
import dev.ferry.support.Http;
import dev.ferry.support.InstallKeyServer;
import dev.ferry.support.Installs;
import dev.ferry.support.Tokens;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every bad install the foundation must refuse, sent over HTTP: each gets a clear 4xx problem and
 * leaves no site row behind.
 */
@FerryIntegrationTest
class LifecycleRefusalsTest {

    static final String CLIENT_KEY = "refused-site";
    static final String PATH = "/lifecycle/installed";
    static final String SECRET = "a-shared-secret-long-enough-for-hs256-000001";

    @LocalServerPort
    int port;
    @Autowired
    Tokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SiteSecrets secrets;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @AfterEach
    void noSiteWasStored() {
        if (!keepsSite) {
            assertThat(jdbc.sql("select count(*) from site").query(Long.class).single()).isZero();
        }
    }

    boolean keepsSite;

    @Test
    void noTokenIsRefused() {
        assertRefused(http.postJwt(PATH, null, body()), 401, "no token");
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String token = JwtSigner.unsigned(Map.of("alg", "none", "typ", "JWT"), claims(), "");
        assertRefused(send(token), 401, "alg none");
    }

    @Test
    void anHs256InstallIsRefused() {
        assertRefused(send(tokens.hs256(claims(), SECRET)), 401, "must be signed RS256");
    }

    @Test
    void anUnknownKidIsRefused() {
        String token = JwtSigner.rs256(claims(), InstallKeyServer.INSTANCE.keyPair(Tokens.KID).getPrivate(), "no-such-kid");
        assertRefused(send(token), 401, "no install key server knows the kid");
    }

    @Test
    void aKidThatClimbsDirectoriesIsRefusedWithoutAsking() {
        int before = InstallKeyServer.INSTANCE.requests();
        String token = JwtSigner.rs256(claims(), InstallKeyServer.INSTANCE.keyPair(Tokens.KID).getPrivate(), "../etc/passwd");
        assertRefused(send(token), 401, "kid");
        assertThat(InstallKeyServer.INSTANCE.requests()).isEqualTo(before);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        String token = JwtSigner.rs256(claims(), InstallKeyServer.INSTANCE.keyPair("other-key").getPrivate(), Tokens.KID);
        assertRefused(send(token), 401, "signature");
    }

    @Test
    void aWrongAudienceIsRefused() {
        var claims = claims();
        claims.put("aud", "https://someone-else.example.com");
        assertRefused(send(tokens.rs256(claims)), 401, "aud");
    }

    @Test
    void anIssuerOtherThanTheBodysClientKeyIsRefused() {
        var claims = claims();
        claims.put("iss", "another-site");
        assertRefused(send(tokens.rs256(claims)), 401, "iss");
    }

    @Test
    void aMissingQshIsRefused() {
        var claims = claims();
        claims.remove("qsh");
        assertRefused(send(tokens.rs256(claims)), 401, "qsh");
    }

    @Test
    void aQshForAnotherRequestIsRefused() {
        var claims = tokens.installClaims(CLIENT_KEY, "/lifecycle/uninstalled");
        assertRefused(send(tokens.rs256(claims)), 401, "qsh");
    }

    @Test
    void anExpiredTokenIsRefused() {
        var claims = claims();
        long past = Instant.now().minusSeconds(600).getEpochSecond();
        claims.put("iat", past - 180);
        claims.put("exp", past);
        assertRefused(send(tokens.rs256(claims)), 401, "expired");
    }

    @Test
    void aTokenFromTheFutureIsRefused() {
        var claims = claims();
        long future = Instant.now().plusSeconds(600).getEpochSecond();
        claims.put("iat", future);
        claims.put("exp", future + 180);
        assertRefused(send(tokens.rs256(claims)), 401, "future");
    }

    @Test
    void aTokenValidForDaysIsRefused() {
        var claims = claims();
        claims.put("exp", Instant.now().plusSeconds(7 * 86_400).getEpochSecond());
        assertRefused(send(tokens.rs256(claims)), 401, "too far in the future");
    }

    @Test
    void aTokenWithoutIatIsRefused() {
        var claims = claims();
        claims.remove("iat");
        assertRefused(send(tokens.rs256(claims)), 401, "iat");
    }

    @Test
    void anEventTypeForAnotherEndpointIsRefused() {
        var body = Installs.fields("uninstalled", CLIENT_KEY, SECRET);
        assertRefused(http.postJwt(PATH, tokens.install(CLIENT_KEY, PATH), Installs.json(body)), 400, "eventType");
    }

    @Test
    void anInstallForAnotherAppKeyIsRefused() {
        var body = Installs.fields("installed", CLIENT_KEY, SECRET);
        body.put("key", "someone-elses-app");
        assertRefused(http.postJwt(PATH, tokens.install(CLIENT_KEY, PATH), Installs.json(body)), 400, "app key");
    }

    @Test
    void anInstallWithoutASecretIsRefused() {
        var body = Installs.fields("installed", CLIENT_KEY, null);
        assertRefused(http.postJwt(PATH, tokens.install(CLIENT_KEY, PATH), Installs.json(body)), 400, "sharedSecret");
    }

    @Test
    void malformedJsonIsRefused() {
        var response = http.postJwt(PATH, tokens.install(CLIENT_KEY, PATH), "{\"clientKey\": \"refused-site\",");

        assertRefused(response, 400, "not a JSON");
        assertThat(response.body()).isEqualTo("{\"detail\":\"the body is not a JSON lifecycle event\",\"instance\":\""
                + PATH + "\",\"status\":400,\"title\":\"Invalid lifecycle callback\"}");
    }

    @Test
    void aBodyOverTheLimitIsRefused() {
        var body = Installs.fields("installed", CLIENT_KEY, SECRET);
        body.put("description", "x".repeat(2 * 1024 * 1024));
        assertRefused(http.postJwt(PATH, tokens.install(CLIENT_KEY, PATH), Installs.json(body)), 413, "larger than");
    }

    @Test
    void aReplayedTokenWithAnotherBodyIsRefusedAndChangesNothing() {
        keepsSite = true;
        String token = tokens.install(CLIENT_KEY, PATH);
        assertThat(http.postJwt(PATH, token, Installs.installed(CLIENT_KEY, SECRET)).statusCode()).isEqualTo(204);

        var replay = http.postJwt(PATH, token, Installs.installed(CLIENT_KEY, "an-attackers-secret-of-sufficient-length"));

        assertRefused(replay, 401, "already used");
        assertThat(secrets.find(CLIENT_KEY).orElseThrow().sharedSecret()).isEqualTo(SECRET);
    }

    @Test
    void installKeysAreFetchedOncePerKid() {
        keepsSite = true;
        http.postJwt(PATH, tokens.install(CLIENT_KEY, PATH), Installs.installed(CLIENT_KEY, SECRET));
        int afterFirst = InstallKeyServer.INSTANCE.requests();

        http.postJwt(PATH, tokens.install(CLIENT_KEY, PATH), Installs.installed(CLIENT_KEY, SECRET + "2"));

        assertThat(InstallKeyServer.INSTANCE.requests()).isEqualTo(afterFirst);
    }

    Map<String, Object> claims() {
        return tokens.installClaims(CLIENT_KEY, PATH);
    }

    String body() {
        return Installs.installed(CLIENT_KEY, SECRET);
    }

    HttpResponse<String> send(String token) {
        return http.postJwt(PATH, token, body());
    }

    static void assertRefused(HttpResponse<String> response, int status, String reason) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains(reason);
        if (status == 401) {
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("JWT realm=\"ferry-for-jira\"");
        }
    }
}
