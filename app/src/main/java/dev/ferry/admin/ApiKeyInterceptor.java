package dev.ferry.admin;

import dev.ferry.principal.ApiCaller;
import dev.ferry.web.ApiProblem;
import dev.ferry.web.AuthenticatedRequests;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Authenticates every product API call by its API key before the handler (and so any body binding) runs,
 * counts it against the key's limit, and leaves the {@link ApiCaller} on the request for
 * {@link ApiCallerArgumentResolver}. A wrong key counts against the client address.
 */
@Component
class ApiKeyInterceptor implements HandlerInterceptor {

    static final String CALLER = ApiCaller.class.getName();

    private final ApiKeys keys;
    private final ApiLimits limits;

    ApiKeyInterceptor(ApiKeys keys, ApiLimits limits) {
        this.keys = keys;
        this.limits = limits;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() == DispatcherType.ASYNC && request.getAttribute(CALLER) != null) {
            // The end of a stream (Server-Sent Events) dispatched back: the call was authenticated and counted when
            // it began, and a key revoked since must not turn the stream's last bytes into a 401.
            return true;
        }
        String presented = BearerToken.from(request).orElseThrow(() -> ApiProblem.unauthorized(
                "the request has no API key; send Authorization: Bearer <key>", ApiKeys.CHALLENGE));
        ApiCaller caller;
        try {
            caller = keys.authenticate(presented);
        } catch (ApiKeys.KeyRefused refused) {
            throw limits.failedToken(request, ApiProblem.unauthorized(refused.getMessage(), ApiKeys.INVALID_CHALLENGE));
        }
        limits.admitKey(caller);
        request.setAttribute(CALLER, caller);
        AuthenticatedRequests.mark(request);
        return true;
    }
}
