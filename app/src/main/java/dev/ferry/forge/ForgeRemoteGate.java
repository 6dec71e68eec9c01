package dev.ferry.forge;

import dev.ferry.connect.InvalidTokenException;
import dev.ferry.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Stands in front of every handler under {@code /forge/}: the call's Forge Invocation Token must verify and its
 * installation must admit it before the handler (and so any body binding) runs. A refusal is a 401 problem
 * naming the failed check; the token is never echoed or logged.
 */
@Component
class ForgeRemoteGate implements HandlerInterceptor {

    static final String CALL = ForgeCall.class.getName();
    static final String SYSTEM_TOKEN_HEADER = "x-forge-oauth-system";
    static final String USER_TOKEN_HEADER = "x-forge-oauth-user";
    private static final Logger log = LoggerFactory.getLogger(ForgeRemoteGate.class);
    private static final String CHALLENGE = "Bearer realm=\"ferry-forge\"";

    private final ForgeInvocationTokens tokens;
    private final ObjectProvider<ForgeAdmission> admission;

    ForgeRemoteGate(ForgeInvocationTokens tokens, ObjectProvider<ForgeAdmission> admission) {
        this.tokens = tokens;
        this.admission = admission;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (request.getAttribute(CALL) != null) {
            // The async dispatch of a handler that answered with a future (the events route): the same request,
            // already verified and admitted once.
            return true;
        }
        try {
            ForgeInvocation invocation = tokens.verify(bearer(request.getHeader(HttpHeaders.AUTHORIZATION)));
            ForgeAdmission installations = admission.getIfAvailable();
            String siteKey = installations == null ? null
                    : installations.admit(invocation, token(request.getHeader(SYSTEM_TOKEN_HEADER)));
            request.setAttribute(CALL, new ForgeCall(invocation, siteKey, token(request.getHeader(USER_TOKEN_HEADER))));
            return true;
        } catch (InvalidTokenException refused) {
            log.info("refused a Forge call to {}: {}", request.getRequestURI(), refused.getMessage());
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
            Problems.write(response, HttpStatus.UNAUTHORIZED, Problems.AUTHENTICATION_FAILED, refused.getMessage(),
                    request.getRequestURI());
            return false;
        }
    }

    private static String bearer(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new InvalidTokenException("the call carries no Forge Invocation Token (Authorization: Bearer)");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new InvalidTokenException("the Authorization header is not a Bearer token");
        }
        return authorization.substring(7).strip();
    }

    /** Forge sends the product tokens bare; a {@code Bearer } prefix is taken off all the same. */
    static String token(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        return value.toLowerCase(Locale.ROOT).startsWith("bearer ") ? value.substring(7).strip() : value;
    }
}
