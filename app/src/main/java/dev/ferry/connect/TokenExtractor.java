package dev.ferry.connect;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

/** Finds a Connect token: {@code Authorization: JWT …} first, else the {@code jwt} query parameter (iframes). */
final class TokenExtractor {

    private static final String SCHEME = "JWT ";

    private TokenExtractor() {
    }

    static String from(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return header.substring(SCHEME.length()).trim();
        }
        // The raw query only: getParameter() would read a form body the token does not cover.
        return CanonicalQuery.decode(request.getQueryString()).stream()
                .filter(parameter -> parameter.name().equals("jwt"))
                .map(CanonicalQuery.Parameter::value)
                .findFirst()
                .orElseThrow(() -> new InvalidTokenException("no token: send Authorization: JWT <token> or a jwt parameter"));
    }
}
