package dev.ferry.admin;

import dev.ferry.principal.ApiCaller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/** Previews render templates and check ADF against the schema, so each key gets fewer of them than of other calls. */
@Component
class PreviewLimitInterceptor implements HandlerInterceptor {

    private final ApiLimits limits;

    PreviewLimitInterceptor(ApiLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        limits.admitPreview((ApiCaller) request.getAttribute(ApiKeyInterceptor.CALLER));
        return true;
    }
}
