package dev.ferry.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which URLs Ferry may call: Atlassian Cloud over https on public addresses, and what the operator listed. */
class OutboundGuardTest {

    final Map<String, String> dns = new HashMap<>(Map.of("acme.atlassian.net", "104.192.141.1",
            "api.atlassian.com", "104.192.142.1", "auth.atlassian.com", "104.192.142.2"));

    final HostResolver resolver = host -> {
        String address = dns.get(host);
        if (address == null) {
            throw new UnknownHostException(host);
        }
        return List.of(InetAddress.getByName(address));
    };

    OutboundGuard guard(String... allowedHosts) {
        return new OutboundGuard(new OutboundProperties(List.of(allowedHosts), false), resolver);
    }

    @Test
    void atlassianCloudOverHttpsIsAllowed() {
        for (String url : List.of("https://acme.atlassian.net/rest/api/3/myself", "https://api.atlassian.com/ex/jira/x",
                "https://auth.atlassian.com/oauth/token", "https://ACME.Atlassian.NET:443/")) {
            assertThatCode(() -> guard().check(URI.create(url))).as(url).doesNotThrowAnyException();
        }
    }

    @Test
    void atlassianCloudOverHttpOrAnotherPortIsRefused() {
        assertThatThrownBy(() -> guard().check(URI.create("http://acme.atlassian.net/")))
                .isInstanceOf(BlockedAddressException.class).hasMessageContaining("https only");
        assertThatThrownBy(() -> guard().check(URI.create("https://acme.atlassian.net:8443/")))
                .isInstanceOf(BlockedAddressException.class).hasMessageContaining("port 443 only");
    }

    @Test
    void aHostThatIsNotCloudNorListedIsRefusedWithoutAskingDns() {
        HostResolver failing = host -> {
            throw new AssertionError("no lookup for " + host);
        };
        OutboundGuard guard = new OutboundGuard(new OutboundProperties(List.of(), false), failing);
        for (String url : List.of("https://jira.example.com/", "https://atlassian.net/", "https://acme.atlassian.net.evil.com/",
                "https://evilatlassian.net/", "https://other.atlassian.com/", "http://2130706433/")) {
            assertThatThrownBy(() -> guard.check(URI.create(url))).as(url).isInstanceOf(BlockedAddressException.class)
                    .hasMessageStartingWith("Ferry calls only Atlassian Cloud (https://your-domain.atlassian.net, "
                            + "api.atlassian.com, auth.atlassian.com): ")
                    .hasMessageEndingWith("is not one of them");
        }
    }

    @Test
    void loopbackIsRefusedUnlessListedWithItsPort() {
        URI simulator = URI.create("http://127.0.0.1:1234/rest/api/3/myself");
        assertThatThrownBy(() -> guard().check(simulator)).isInstanceOf(BlockedAddressException.class)
                .hasMessageEndingWith("127.0.0.1 is a loopback address");
        assertThatCode(() -> guard("127.0.0.1:1234").check(simulator)).doesNotThrowAnyException();
        assertThatThrownBy(() -> guard("127.0.0.1:1234").check(URI.create("http://127.0.0.1:1235/")))
                .isInstanceOf(BlockedAddressException.class);
        assertThatCode(() -> guard("127.0.0.1").check(URI.create("http://127.0.0.1:1235/"))).doesNotThrowAnyException();
    }

    @Test
    void aListedHostMatchesTheDefaultPortOfItsScheme() {
        assertThatCode(() -> guard("jira.internal.example:80").check(URI.create("http://JIRA.internal.example/")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> guard("jira.internal.example:80").check(URI.create("https://jira.internal.example/")))
                .isInstanceOf(BlockedAddressException.class);
        assertThatCode(() -> guard("[::1]:8080").check(URI.create("http://[::1]:8080/"))).doesNotThrowAnyException();
    }

    @Test
    void aListedHostIsAllowedWithoutDnsWhateverItResolvesTo() {
        dns.put("jira.internal.example", "10.0.0.5");
        HostResolver failing = host -> {
            throw new AssertionError("no lookup for " + host);
        };
        OutboundGuard guard = new OutboundGuard(new OutboundProperties(List.of("jira.internal.example"), false), failing);
        assertThatCode(() -> guard.check(URI.create("http://jira.internal.example/rest"))).doesNotThrowAnyException();
    }

    @Test
    void theCloudMetadataAddressIsRefused() {
        assertThatThrownBy(() -> guard().check(URI.create("http://169.254.169.254/latest/meta-data/")))
                .isInstanceOf(BlockedAddressException.class)
                .hasMessageEndingWith("169.254.169.254 is the cloud metadata address");
    }

    @Test
    void aPrivateLiteralIsCalledPrivate() {
        assertThatThrownBy(() -> guard().check(URI.create("https://10.0.0.5/"))).isInstanceOf(BlockedAddressException.class)
                .hasMessage("Ferry calls only Atlassian Cloud (https://your-domain.atlassian.net, api.atlassian.com, "
                        + "auth.atlassian.com): 10.0.0.5 is a private address");
    }

    @Test
    void aCloudNameResolvingToAPrivateAddressIsRefusedAndToAPublicOneAllowed() {
        dns.put("intranet.atlassian.net", "10.1.2.3");
        assertThatThrownBy(() -> guard().check(URI.create("https://intranet.atlassian.net/")))
                .isInstanceOf(BlockedAddressException.class)
                .hasMessageEndingWith("intranet.atlassian.net resolves to 10.1.2.3, a private address");
        dns.put("intranet.atlassian.net", "104.192.141.1");
        assertThatCode(() -> guard().check(URI.create("https://intranet.atlassian.net/"))).doesNotThrowAnyException();
    }

    @Test
    void everyAddressANameResolvesToIsChecked() {
        HostResolver twoAddresses = host -> List.of(InetAddress.getByName("104.192.141.1"), InetAddress.getByName("127.0.0.1"));
        OutboundGuard guard = new OutboundGuard(new OutboundProperties(List.of(), false), twoAddresses);
        assertThatThrownBy(() -> guard.check(URI.create("https://acme.atlassian.net/")))
                .isInstanceOf(BlockedAddressException.class).hasMessageEndingWith("127.0.0.1, a loopback address");
    }

    @Test
    void anUnresolvableNameSaysSo() {
        assertThatThrownBy(() -> guard().check(URI.create("https://nosuch.atlassian.net/")))
                .isInstanceOf(BlockedAddressException.class)
                .hasMessage("Could not resolve nosuch.atlassian.net: check the address");
    }

    @Test
    void privateAddressesMayBeAllowedForATestRigButNotLinkLocalOnes() {
        OutboundGuard rig = new OutboundGuard(new OutboundProperties(List.of(), true), resolver);
        dns.put("rig.atlassian.net", "10.1.2.3");
        dns.put("local.atlassian.net", "127.0.0.1");
        dns.put("metadata.atlassian.net", "169.254.169.254");
        assertThatCode(() -> rig.check(URI.create("https://rig.atlassian.net/"))).doesNotThrowAnyException();
        assertThatCode(() -> rig.check(URI.create("https://local.atlassian.net/"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> rig.check(URI.create("https://metadata.atlassian.net/")))
                .isInstanceOf(BlockedAddressException.class);
        assertThatThrownBy(() -> rig.check(URI.create("https://jira.example.com/"))).isInstanceOf(BlockedAddressException.class);
    }

    @Test
    void userInfoIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> guard().check(URI.create("https://admin:s3cret@acme.atlassian.net/")))
                .isInstanceOf(BlockedAddressException.class).hasMessageContaining("user name or password")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void onlyHttpAddressesWithAHostPass() {
        for (String url : List.of("ftp://acme.atlassian.net/", "file:///etc/passwd", "jar:https://acme.atlassian.net!/x",
                "/rest/api/3/myself", "https:///path", "https://under_score.atlassian.net/")) {
            assertThatThrownBy(() -> guard().check(URI.create(url))).as(url).isInstanceOf(BlockedAddressException.class);
        }
        assertThatThrownBy(() -> guard().check(null)).isInstanceOf(BlockedAddressException.class);
    }

    @Test
    void atlassianCloudHostsAreTheSitesTheGatewayAndTheSignIn() {
        OutboundGuard guard = guard();
        assertThat(guard.isAtlassianCloud("acme.atlassian.net")).isTrue();
        assertThat(guard.isAtlassianCloud("API.atlassian.com")).isTrue();
        assertThat(guard.isAtlassianCloud("auth.atlassian.com")).isTrue();
        assertThat(guard.isAtlassianCloud("atlassian.net")).isFalse();
        assertThat(guard.isAtlassianCloud("www.atlassian.com")).isFalse();
        assertThat(guard.isAtlassianCloud(null)).isFalse();
    }

    @Test
    void aMistypedAllowedHostStopsStartUp() {
        assertThatThrownBy(() -> guard("http://127.0.0.1:8080")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ferry.outbound.allowed-hosts");
        assertThatThrownBy(() -> guard("127.0.0.1:8080/path")).isInstanceOf(IllegalArgumentException.class);
    }
}
