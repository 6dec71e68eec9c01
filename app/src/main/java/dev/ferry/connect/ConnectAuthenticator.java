package dev.ferry.connect;

import dev.ferry.FerryProperties;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * The one gate every Jira-signed request passes: it finds the token, builds the canonical request from
 * the raw request line and runs every check for the endpoint's token kind. The MVC interceptor and the
 * webhook servlet both call it.
 */
@Component
public class ConnectAuthenticator {

    private final SharedSecretVerifier sharedSecret;
    private final InstallTokenVerifier install;
    private final FerryProperties ferry;
    private final String challenge;

    ConnectAuthenticator(SharedSecretVerifier sharedSecret, InstallTokenVerifier install, FerryProperties ferry) {
        this.sharedSecret = sharedSecret;
        this.install = install;
        this.ferry = ferry;
        this.challenge = "JWT realm=\"" + ferry.appKey() + "\"";
    }

    /** Returns the verified token or throws {@link InvalidTokenException} naming the failed check. */
    public VerifiedToken authenticate(HttpServletRequest request, TokenKind kind) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        CanonicalRequest canonical = CanonicalRequest.of(request.getMethod(), path, request.getQueryString(),
                ferry.basePath());
        String token = TokenExtractor.from(request);
        return kind == TokenKind.INSTALL ? install.verify(token, canonical) : sharedSecret.verify(token, canonical, kind);
    }

    /** The {@code WWW-Authenticate} value of a refusal. */
    public String challenge() {
        return challenge;
    }
}
