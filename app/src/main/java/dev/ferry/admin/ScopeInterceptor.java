package dev.ferry.admin;

import dev.ferry.principal.ApiCaller;
import dev.ferry.principal.RequiresScope;
import dev.ferry.refusal.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a product API call whose key lacks the {@link RequiresScope} its handler declares, before the
 * handler (and so any body binding) runs. A handler that declares none is refused too: a forgotten
 * annotation must close a call, not open it to every key.
 */
@Component
class ScopeInterceptor implements HandlerInterceptor {

    /** The handler's own scope, else its controller's. */
    static Optional<RequiresScope> declared(HandlerMethod method) {
        RequiresScope onMethod = method.getMethodAnnotation(RequiresScope.class);
        return Optional.ofNullable(onMethod != null ? onMethod : method.getBeanType().getAnnotation(RequiresScope.class));
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true; // no handler matched: the answer is a 404 or a preflight, which no scope guards
        }
        ApiCaller caller = (ApiCaller) request.getAttribute(ApiKeyInterceptor.CALLER);
        RequiresScope rule = declared(method).orElseThrow(() -> Refusal.forbidden("this call declares no scope, "
                + "so no API key may make it"));
        if (caller == null) {
            throw new IllegalStateException(method + " declares a scope but no API key was authenticated");
        }
        caller.require(rule.value());
        return true;
    }
}
