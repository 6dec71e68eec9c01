package dev.ferry.admin;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/** Counts every request under {@code /api/**} against its client address, before any token is looked at. */
@Component
class AddressLimitInterceptor implements HandlerInterceptor {

    private final ApiLimits limits;

    AddressLimitInterceptor(ApiLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() != DispatcherType.ASYNC) {
            // a stream's end dispatched back is the same request, counted when it began
            limits.admitAddress(request);
        }
        return true;
    }
}
