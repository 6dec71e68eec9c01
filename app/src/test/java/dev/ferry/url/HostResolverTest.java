package dev.ferry.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** The system resolver answers as Java's own connections would. */
class HostResolverTest {

    @Test
    void theSystemResolverReadsLiteralsAndKnowsLocalhost() throws Exception {
        assertThat(HostResolver.system().resolve("104.192.141.1")).containsExactly(InetAddress.getByName("104.192.141.1"));
        assertThat(HostResolver.system().resolve("localhost")).isNotEmpty().allMatch(InetAddress::isLoopbackAddress);
    }

    @Test
    void theSystemResolverThrowsForANameThatDoesNotExist() {
        assertThatThrownBy(() -> HostResolver.system().resolve("no-such-host.invalid")).isInstanceOf(UnknownHostException.class);
    }
}
