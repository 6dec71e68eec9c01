package dev.ferry.admin;

import dev.ferry.web.ApiProblem;
import dev.ferry.web.AuthenticatedRequests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Authenticates every product API call by its API key before the handler (and so any body binding) runs,
 * and leaves the {@link ApiCaller} on the request for {@link ApiCallerArgumentResolver}.
 */
@Component
class ApiKeyInterceptor implements HandlerInterceptor {

    static final String CALLER = ApiCaller.class.getName();

    private final ApiKeys keys;

    ApiKeyInterceptor(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String presented = BearerToken.from(request).orElseThrow(() -> ApiProblem.unauthorized(
                "the request has no API key; send Authorization: Bearer <key>", ApiKeys.CHALLENGE));
        request.setAttribute(CALLER, keys.authenticate(presented));
        AuthenticatedRequests.mark(request);
        return true;
    }
}
