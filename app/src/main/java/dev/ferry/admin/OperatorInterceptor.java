package dev.ferry.admin;

import dev.ferry.refusal.Refusal;
import dev.ferry.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/** Lets only the operator, holding {@code ferry.admin.operator-token}, create organizations; wrong tokens count against the address. */
@Component
class OperatorInterceptor implements HandlerInterceptor {

    private final AdminProperties properties;
    private final ApiLimits limits;

    OperatorInterceptor(AdminProperties properties, ApiLimits limits) {
        this.properties = properties;
        this.limits = limits;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!properties.operatorEndpointEnabled()) {
            throw Refusal.notFound("this Ferry creates no organizations over the API: no operator token is set");
        }
        String presented = BearerToken.from(request).orElseThrow(() -> ApiProblem.unauthorized(
                "send the operator token as Authorization: Bearer <token>", ApiKeys.CHALLENGE));
        if (!matches(presented, properties.operatorToken())) {
            throw limits.failedToken(request,
                    ApiProblem.unauthorized("the operator token is wrong", ApiKeys.INVALID_CHALLENGE));
        }
        return true;
    }

    /** Constant time: compares fixed-length digests, so neither the content nor the length of the token leaks. */
    private static boolean matches(String presented, String expected) {
        return MessageDigest.isEqual(KeyMaterial.hash(presented).getBytes(StandardCharsets.US_ASCII),
                KeyMaterial.hash(expected).getBytes(StandardCharsets.US_ASCII));
    }
}
