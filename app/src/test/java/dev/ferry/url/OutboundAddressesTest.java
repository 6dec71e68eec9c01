package dev.ferry.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every range a request from a user must not reach, as a literal in the URL and as what a Cloud name resolves to. */
class OutboundAddressesTest {

    @ParameterizedTest
    @CsvSource({"127.0.0.1, LOOPBACK", "127.255.0.9, LOOPBACK", "::1, LOOPBACK", "0.0.0.0, UNSPECIFIED", ":: , UNSPECIFIED",
            "0.1.2.3, UNSPECIFIED", "169.254.169.254, METADATA", "fd00:ec2::254, METADATA", "169.254.1.1, LINK_LOCAL",
            "fe80::1, LINK_LOCAL", "febf::1, LINK_LOCAL", "10.0.0.5, PRIVATE", "172.16.0.1, PRIVATE", "172.31.255.255, PRIVATE",
            "192.168.1.1, PRIVATE", "fc00::1, PRIVATE", "fd12:3456::1, PRIVATE", "fec0::1, PRIVATE", "100.64.0.1, SHARED",
            "100.127.255.254, SHARED", "224.0.0.1, MULTICAST", "239.255.255.250, MULTICAST", "ff02::1, MULTICAST",
            "255.255.255.255, RESERVED", "240.0.0.1, RESERVED", "::ffff:10.0.0.1, PRIVATE", "::ffff:127.0.0.1, LOOPBACK",
            "::ffff:169.254.169.254, METADATA", "::10.0.0.1, PRIVATE", "::127.0.0.1, LOOPBACK", "64:ff9b::a9fe:a9fe, METADATA",
            "2002:0a00:0001::1, PRIVATE", "2002:7f00:0001::1, LOOPBACK"})
    void refusedRangesAreNamed(String address, AddressKind kind) throws Exception {
        assertThat(AddressKind.of(ipv6Kept(address))).isEqualTo(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"104.192.141.1", "8.8.8.8", "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1",
            "192.169.0.1", "223.255.255.255", "2606:4700::1111", "2002:0808:0808::1", "::ffff:104.192.141.1"})
    void publicAddressesPass(String address) throws Exception {
        assertThat(AddressKind.of(ipv6Kept(address))).isEqualTo(AddressKind.PUBLIC);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "0.0.0.0", "169.254.169.254", "10.0.0.5", "172.16.0.1", "192.168.0.1", "100.64.0.1",
            "224.0.0.1", "255.255.255.255", "[::1]", "[::]", "[fe80::1]", "[fc00::1]", "[ff02::1]", "[::ffff:10.0.0.1]",
            "[::ffff:127.0.0.1]", "[::ffff:169.254.169.254]"})
    void aLiteralInTheUrlIsRefused(String host) {
        OutboundGuard guard = new OutboundGuard(new OutboundProperties(List.of(), false), name -> {
            throw new AssertionError("a literal is read, not looked up: " + name);
        });
        assertThatThrownBy(() -> guard.check(URI.create("https://" + host + "/"))).isInstanceOf(BlockedAddressException.class)
                .hasMessageEndingWith(host + " is " + AddressKind.of(parse(host)).description);
    }

    @ParameterizedTest
    @ValueSource(strings = {"::1", "::", "fe80::1", "fd00::1", "ff02::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1",
            "::ffff:169.254.169.254", "64:ff9b::7f00:1", "2002:a9fe:a9fe::1"})
    void aCloudNameResolvingToAnIpv6FormOfARefusedAddressIsRefused(String address) {
        OutboundGuard guard = new OutboundGuard(new OutboundProperties(List.of(), false), name -> List.of(ipv6Kept(address)));
        assertThatThrownBy(() -> guard.check(URI.create("https://acme.atlassian.net/")))
                .isInstanceOf(BlockedAddressException.class).hasMessageContaining("acme.atlassian.net resolves to");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2606:4700::1111", "::ffff:104.192.141.1"})
    void aCloudNameResolvingToAPublicIpv6AddressPasses(String address) {
        OutboundGuard guard = new OutboundGuard(new OutboundProperties(List.of(), false), name -> List.of(ipv6Kept(address)));
        assertThatCode(() -> guard.check(URI.create("https://acme.atlassian.net/"))).doesNotThrowAnyException();
    }

    /** An IPv6 address as a resolver may hand it over: Java turns a mapped address into IPv4, a resolver need not. */
    private static InetAddress ipv6Kept(String text) throws UnknownHostException {
        InetAddress address = InetAddress.getByName(text);
        if (text.contains(":") && address.getAddress().length == 4) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(address.getAddress(), 0, mapped, 12, 4);
            return Inet6Address.getByAddress(null, mapped, -1);
        }
        return address;
    }

    private static InetAddress parse(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
