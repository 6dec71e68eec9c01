package dev.ferry.connect;

import dev.ferry.FerryProperties;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Signs Ferry's own calls to a site (PROTOCOL §6): iss = app key, three minutes, qsh of the exact request. */
@Component
public class OutboundTokens {

    static final Duration LIFETIME = Duration.ofSeconds(180);

    private final FerryProperties ferry;
    private final Clock clock;

    OutboundTokens(FerryProperties ferry, Clock clock) {
        this.ferry = ferry;
        this.clock = clock;
    }

    /**
     * @param siteBaseUrl the site's base URL; its path ({@code /wiki} on Confluence) is not part of the qsh
     */
    public String sign(String method, URI url, URI siteBaseUrl, String sharedSecret) {
        String basePath = siteBaseUrl.getRawPath() == null ? "" : siteBaseUrl.getRawPath();
        var request = CanonicalRequest.of(method, url.getRawPath(), url.getRawQuery(), basePath);
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ferry.appKey());
        claims.put("iat", now);
        claims.put("exp", now + LIFETIME.toSeconds());
        claims.put("qsh", request.qsh());
        return JwtSigner.hs256(claims, sharedSecret);
    }
}
