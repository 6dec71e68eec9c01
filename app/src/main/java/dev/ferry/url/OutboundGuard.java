package dev.ferry.url;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one check every URL a user or tenant gives passes before Ferry calls it, so nobody can make Ferry reach its
 * own network (server-side request forgery): Atlassian Cloud over https, or a host the operator listed in
 * {@code ferry.outbound.allowed-hosts}; and a Cloud name must resolve to public addresses only.
 */
@Component
public class OutboundGuard {

    static final String EXPECTED = "https://your-domain.atlassian.net";

    private static final String CALLBACK_PREFIX = "Ferry calls back only addresses on the public internet: ";

    private static final String ONLY_CLOUD = "Ferry calls only Atlassian Cloud (" + EXPECTED
            + ", api.atlassian.com, auth.atlassian.com): ";

    /** Four decimal numbers without leading zeros: the one way of writing IPv4 that every parser reads alike. */
    private static final Pattern DOTTED_QUAD = Pattern
            .compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    private final List<AllowedHost> allowedHosts;
    private final boolean allowPrivateAddresses;
    private final HostResolver resolver;

    public OutboundGuard(OutboundProperties properties, HostResolver resolver) {
        this.allowedHosts = properties.allowedHosts().stream().map(AllowedHost::parse).toList();
        this.allowPrivateAddresses = properties.allowPrivateAddresses();
        this.resolver = resolver;
    }

    /** Uses a {@link HostResolver} bean when a configuration declares one (tests do), the system's otherwise. */
    @Autowired
    OutboundGuard(OutboundProperties properties, ObjectProvider<HostResolver> resolver) {
        this(properties, resolver.getIfAvailable(HostResolver::system));
    }

    /** Passes when Ferry may call {@code uri}; throws {@link BlockedAddressException} saying why not otherwise. */
    public void check(URI uri) {
        Target target = Target.of(uri);
        if (isListed(target.host(), target.port())) {
            return; // the operator vouched for it, whatever it resolves to
        }
        if (isLiteral(target.host())) {
            checkAddresses(target.host(), ONLY_CLOUD); // so a private address is called one before it is called not Cloud
        }
        if (!isAtlassianCloud(target.host())) {
            throw new BlockedAddressException(ONLY_CLOUD + target.host() + " is not one of them");
        }
        if (!target.https()) {
            throw new BlockedAddressException("Atlassian Cloud answers over https only: " + EXPECTED);
        }
        if (target.port() != 443) {
            throw new BlockedAddressException("Atlassian Cloud answers on port 443 only: " + EXPECTED);
        }
        checkAddresses(target.host(), ONLY_CLOUD);
    }

    /**
     * Reads a Jira Cloud site URL a person typed ({@link CloudSiteUrl}) and checks Ferry may call it; http is
     * accepted for listed hosts (a simulator on loopback).
     *
     * @throws InvalidSiteUrlException  when the text is not a site URL
     * @throws BlockedAddressException when it is one Ferry will not call
     */
    public CloudSiteUrl siteUrl(String typed) {
        CloudSiteUrl site = CloudSiteUrl.parse(typed, uri -> isListed(uri.getHost(), Target.effectivePort(uri)));
        check(site.site());
        return site;
    }

    /**
     * Passes when Ferry may POST to {@code uri}, a URL a tenant gave for Ferry to call back (not Jira): https to
     * any host whose every address is public, or a host the operator listed in {@code ferry.outbound.allowed-hosts}
     * (http allowed there too, as for sites). Private and loopback addresses pass only with
     * {@code ferry.outbound.allow-private-addresses}, and even then over https; asked again before every call,
     * since a name may resolve elsewhere later.
     */
    public void checkCallback(URI uri) {
        Target target = Target.of(uri);
        if (isListed(target.host(), target.port())) {
            return;
        }
        if (!target.https()) {
            throw new BlockedAddressException("A callback URL must use https (https://…): " + uri.getHost()
                    + " is not a host the operator allowed plain http to");
        }
        checkAddresses(target.host(), CALLBACK_PREFIX);
    }

    /** Whether {@code host} is one of Atlassian Cloud's: a site under atlassian.net, the API gateway or the sign-in. */
    public boolean isAtlassianCloud(String host) {
        String name = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return name.endsWith(".atlassian.net") && name.length() > ".atlassian.net".length()
                || name.equals("api.atlassian.com") || name.equals("auth.atlassian.com");
    }

    private boolean isListed(String host, int port) {
        String name = host.toLowerCase(Locale.ROOT);
        return allowedHosts.stream().anyMatch(allowed -> allowed.matches(name, port));
    }

    /**
     * An IP address written in the URL. Other numeric forms ({@code 2130706433}, {@code 0x7f.1}) are names to this
     * guard, so they are never Cloud and never match a listed host.
     */
    private static boolean isLiteral(String host) {
        return host.startsWith("[") || DOTTED_QUAD.matcher(host).matches();
    }

    private void checkAddresses(String host, String prefix) {
        for (InetAddress address : addresses(host)) {
            AddressKind kind = AddressKind.of(address);
            if (kind != AddressKind.PUBLIC && !(allowPrivateAddresses && kind.allowedWithPrivateAddresses)) {
                String what = isLiteral(host) ? host + " is" : host + " resolves to " + address.getHostAddress() + ",";
                throw new BlockedAddressException(prefix + what + " " + kind.description);
            }
        }
    }

    private List<InetAddress> addresses(String host) {
        try {
            if (isLiteral(host)) {
                return List.of(InetAddress.getByName(host)); // read, not looked up
            }
            List<InetAddress> found = resolver.resolve(host);
            if (found.isEmpty()) {
                throw new UnknownHostException(host);
            }
            return found;
        } catch (UnknownHostException e) {
            throw new BlockedAddressException("Could not resolve " + host + ": check the address");
        }
    }
}
