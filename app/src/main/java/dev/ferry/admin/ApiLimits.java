package dev.ferry.admin;

import dev.ferry.principal.ApiCaller;
import dev.ferry.throttle.RateWindows;
import dev.ferry.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The product API's request limits ({@code ferry.admin.limits}), counted over every node by {@link RateWindows}.
 * The client address is the direct peer's, or the proxy's {@code X-Forwarded-For} when
 * {@code server.forward-headers-strategy} says to believe it.
 */
@Component
class ApiLimits {

    static final String ADDRESS = "api-address";
    static final String KEY = "api-key";
    static final String PREVIEW = "api-preview";
    static final String FAILED_TOKEN = "failed-token";

    private final RateWindows windows;
    private final AdminProperties.Limits limits;

    ApiLimits(RateWindows windows, AdminProperties properties) {
        this.windows = windows;
        this.limits = properties.limits();
    }

    /**
     * Before any token is read: an address that sent too many wrong tokens is refused while its window lasts
     * (this node learns it from its own count, or at the address's next wrong token), then its request counts.
     */
    void admitAddress(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        refuse(windows.refusing(FAILED_TOKEN, address, limits.failedTokensPerAddress()),
                "too many wrong tokens from this address");
        refuse(windows.take(ADDRESS, address, limits.perAddress()), "too many requests from this address");
    }

    void admitKey(ApiCaller caller) {
        refuse(windows.take(KEY, caller.keyId(), limits.perKey()), "too many requests with this API key");
    }

    void admitPreview(ApiCaller caller) {
        refuse(windows.take(PREVIEW, caller.keyId(), limits.previewsPerKey()), "too many previews with this API key");
    }

    /** A wrong token counts against its address: the answer is its own refusal, or 429 once the address is over. */
    ApiProblem failedToken(HttpServletRequest request, ApiProblem refusal) {
        Optional<Duration> over = windows.take(FAILED_TOKEN, request.getRemoteAddr(), limits.failedTokensPerAddress());
        return over.<ApiProblem>map(wait -> new TooManyRequests("too many wrong tokens from this address", wait))
                .orElse(refusal);
    }

    private static void refuse(Optional<Duration> over, String why) {
        if (over.isPresent()) {
            throw new TooManyRequests(why, over.get());
        }
    }
}
