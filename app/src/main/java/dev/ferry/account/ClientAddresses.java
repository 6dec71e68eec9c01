package dev.ferry.account;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The address a sign-in comes from: the direct peer, unless the peer is one of
 * {@code ferry.admin.login.trusted-proxies}; then the right-most {@code X-Forwarded-For} hop that is not a
 * trusted proxy (hops further left were written by whoever sent the request, so anyone could forge them).
 */
@Component
class ClientAddresses {

    private final List<IpAddressMatcher> proxies;

    ClientAddresses(AccountProperties properties) {
        this.proxies = properties.login().trustedProxies().stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(IpAddressMatcher::new).toList();
    }

    String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!trusted(peer)) {
            return peer;
        }
        List<String> hops = forwardedHops(request);
        Collections.reverse(hops);
        for (String hop : hops) {
            if (!trusted(hop)) {
                return hop;
            }
        }
        return hops.isEmpty() ? peer : hops.get(hops.size() - 1);
    }

    private boolean trusted(String address) {
        if (address == null) {
            return false;
        }
        for (IpAddressMatcher proxy : proxies) {
            try {
                if (proxy.matches(address)) {
                    return true;
                }
            } catch (IllegalArgumentException notAnAddress) {
                return false;
            }
        }
        return false;
    }

    private static List<String> forwardedHops(HttpServletRequest request) {
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        return hops;
    }
}
