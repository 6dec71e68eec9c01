package dev.ferry.connect;

import java.time.Clock;
import org.springframework.stereotype.Component;

/** Verifies the HS256 tokens Jira signs with a site's shared secret (PROTOCOL §4). */
@Component
class SharedSecretVerifier {

    static final String CONTEXT_QSH = "context-qsh";

    private final ConnectTenants tenants;
    private final Clock clock;

    SharedSecretVerifier(ConnectTenants tenants, Clock clock) {
        this.tenants = tenants;
        this.clock = clock;
    }

    VerifiedToken verify(String token, CanonicalRequest request, TokenKind kind) {
        Jwt jwt = Jwt.decode(token);
        requireHs256(jwt.algorithm());
        String issuer = jwt.issuer().orElseThrow(() -> new InvalidTokenException("the token has no iss claim"));
        ConnectTenant tenant = tenants.find(issuer)
                .orElseThrow(() -> new InvalidTokenException("the issuer is not an installed site"));
        if (tenant.sharedSecret() == null) {
            throw new InvalidTokenException("the site installed Ferry through Forge only: it has no Connect shared secret");
        }
        if (!Hs256.verify(jwt, tenant.sharedSecret())) {
            throw new InvalidTokenException("the signature does not match the site's shared secret");
        }
        if (!tenant.installed()) {
            throw new InvalidTokenException("the site has uninstalled the app");
        }
        var expiresAt = TokenTimes.check(jwt, clock);
        checkQsh(jwt, request, kind);
        var principal = kind == TokenKind.CONTEXT
                ? new ConnectPrincipal(issuer, accountId(jwt), true, contextIssueId(jwt))
                : new ConnectPrincipal(issuer, accountId(jwt), false);
        return new VerifiedToken(principal, token, expiresAt);
    }

    private static void requireHs256(String algorithm) {
        if (algorithm.equalsIgnoreCase("none")) {
            throw new InvalidTokenException("unsigned tokens (alg none) are refused");
        }
        if (!algorithm.equals("HS256")) {
            throw new InvalidTokenException("alg " + algorithm + " is refused; only HS256 is accepted here");
        }
    }

    private static void checkQsh(Jwt jwt, CanonicalRequest request, TokenKind kind) {
        String qsh = jwt.qsh().orElseThrow(() -> new InvalidTokenException("the token has no qsh claim"));
        if (kind == TokenKind.CONTEXT) {
            if (!qsh.equals(CONTEXT_QSH)) {
                throw new InvalidTokenException("this endpoint accepts only context tokens (qsh context-qsh)");
            }
            return;
        }
        if (qsh.equals(CONTEXT_QSH)) {
            throw new InvalidTokenException("a context token is not accepted here; the qsh must bind this request");
        }
        if (!qsh.equals(request.qsh())) {
            throw new InvalidTokenException("the qsh does not match this request (" + request.method() + " "
                    + request.path() + ")");
        }
    }

    /**
     * Jira's context tokens name the issue the page is open on in {@code context.jira.issue.id}, and so do
     * the ones Ferry puts into its own panel ({@link PageTokens}); the id may be a string or a number.
     */
    private static java.util.Optional<String> contextIssueId(Jwt jwt) {
        var id = jwt.claims().path("context").path("jira").path("issue").path("id");
        if (id.isString() && !id.asString().isBlank()) {
            return java.util.Optional.of(id.asString());
        }
        return id.isIntegralNumber() ? java.util.Optional.of(Long.toString(id.asLong())) : java.util.Optional.empty();
    }

    /** Current tokens carry the user in {@code sub}; older ones in {@code context.user.accountId}. */
    private static java.util.Optional<String> accountId(Jwt jwt) {
        var subject = jwt.subject();
        if (subject.isPresent()) {
            return subject;
        }
        var legacy = jwt.claims().path("context").path("user").path("accountId");
        return legacy.isString() ? java.util.Optional.of(legacy.asString()) : java.util.Optional.empty();
    }
}
