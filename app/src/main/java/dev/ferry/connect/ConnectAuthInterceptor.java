package dev.ferry.connect;

import dev.ferry.FerryProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The one gate for every {@link ConnectJwt} handler: it verifies the token against the raw request
 * before the handler (and so any body binding) runs, and leaves the verified token on the request.
 */
@Component
class ConnectAuthInterceptor implements HandlerInterceptor {

    static final String VERIFIED = VerifiedToken.class.getName();

    private final SharedSecretVerifier sharedSecret;
    private final InstallTokenVerifier install;
    private final FerryProperties ferry;

    ConnectAuthInterceptor(SharedSecretVerifier sharedSecret, InstallTokenVerifier install, FerryProperties ferry) {
        this.sharedSecret = sharedSecret;
        this.install = install;
        this.ferry = ferry;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        ConnectJwt rule = method.hasMethodAnnotation(ConnectJwt.class) ? method.getMethodAnnotation(ConnectJwt.class)
                : method.getBeanType().getAnnotation(ConnectJwt.class);
        if (rule == null) {
            return true;
        }
        CanonicalRequest canonical = canonical(request);
        String token = TokenExtractor.from(request);
        VerifiedToken verified = rule.value() == TokenKind.INSTALL
                ? install.verify(token, canonical)
                : sharedSecret.verify(token, canonical, rule.value());
        request.setAttribute(VERIFIED, verified);
        return true;
    }

    private CanonicalRequest canonical(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return CanonicalRequest.of(request.getMethod(), path, request.getQueryString(), ferry.basePath());
    }
}
