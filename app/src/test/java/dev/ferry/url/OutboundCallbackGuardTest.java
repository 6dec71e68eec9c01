package dev.ferry.url;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where Ferry may post callbacks: any host on the public internet over https, and what the operator listed. */
class OutboundCallbackGuardTest {

    final Map<String, String> dns = Map.of("hooks.product.example", "93.184.215.14", "inside.product.example", "10.0.0.7",
            "meta.product.example", "169.254.169.254");

    final HostResolver resolver = host -> {
        String address = dns.get(host);
        if (address == null) {
            throw new UnknownHostException(host);
        }
        return List.of(InetAddress.getByName(address));
    };

    OutboundGuard guard(boolean allowPrivate, String... allowedHosts) {
        return new OutboundGuard(new OutboundProperties(List.of(allowedHosts), allowPrivate), resolver);
    }

    @Test
    void aPublicHostOverHttpsIsAllowedOnAnyPort() {
        assertThatCode(() -> guard(false).checkCallback(URI.create("https://hooks.product.example/ferry")))
                .doesNotThrowAnyException();
        assertThatCode(() -> guard(false).checkCallback(URI.create("https://hooks.product.example:8443/ferry")))
                .doesNotThrowAnyException();
    }

    @Test
    void plainHttpIsRefusedUnlessTheOperatorListedTheHost() {
        assertThatThrownBy(() -> guard(false).checkCallback(URI.create("http://hooks.product.example/ferry")))
                .isInstanceOf(BlockedAddressException.class).hasMessageContaining("must use https");
        assertThatCode(() -> guard(false, "127.0.0.1:8099").checkCallback(URI.create("http://127.0.0.1:8099/hooks")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> guard(false, "127.0.0.1:8099").checkCallback(URI.create("http://127.0.0.1:8100/hooks")))
                .isInstanceOf(BlockedAddressException.class).hasMessageContaining("must use https");
    }

    @Test
    void anAddressInsideIsRefusedWrittenOrResolved() {
        assertThatThrownBy(() -> guard(false).checkCallback(URI.create("https://10.0.0.1/x")))
                .isInstanceOf(BlockedAddressException.class).hasMessageContaining("10.0.0.1 is a private address");
        assertThatThrownBy(() -> guard(false).checkCallback(URI.create("https://inside.product.example/x")))
                .isInstanceOf(BlockedAddressException.class)
                .hasMessageContaining("inside.product.example resolves to 10.0.0.7, a private address");
        assertThatThrownBy(() -> guard(false).checkCallback(URI.create("https://[::1]/x")))
                .isInstanceOf(BlockedAddressException.class).hasMessageContaining("loopback");
        assertThatThrownBy(() -> guard(false).checkCallback(URI.create("https://nowhere.product.example/x")))
                .isInstanceOf(BlockedAddressException.class).hasMessageContaining("Could not resolve");
    }

    @Test
    void privateAddressesPassOverHttpsWhenTheOperatorAllowsThemButMetadataNever() {
        assertThatCode(() -> guard(true).checkCallback(URI.create("https://inside.product.example/x")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> guard(true).checkCallback(URI.create("http://inside.product.example/x")))
                .isInstanceOf(BlockedAddressException.class).hasMessageContaining("must use https");
        assertThatThrownBy(() -> guard(true).checkCallback(URI.create("https://meta.product.example/x")))
                .isInstanceOf(BlockedAddressException.class).hasMessageContaining("metadata");
    }
}
