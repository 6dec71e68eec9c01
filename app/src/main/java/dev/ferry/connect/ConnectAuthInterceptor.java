package dev.ferry.connect;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Puts the {@link ConnectAuthenticator} in front of every {@link ConnectJwt} handler, before the
 * handler (and so any body binding) runs, and leaves the verified token on the request.
 */
@Component
class ConnectAuthInterceptor implements HandlerInterceptor {

    static final String VERIFIED = VerifiedToken.class.getName();

    private final ConnectAuthenticator authenticator;

    ConnectAuthInterceptor(ConnectAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        ConnectJwt rule = method.hasMethodAnnotation(ConnectJwt.class) ? method.getMethodAnnotation(ConnectJwt.class)
                : method.getBeanType().getAnnotation(ConnectJwt.class);
        if (rule != null) {
            request.setAttribute(VERIFIED, authenticator.authenticate(request, rule.value()));
        }
        return true;
    }
}
