package dev.ferry.url;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * What an address reaches, for the outbound guard: the public internet, or somewhere a request from a user must not
 * go. IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by that IPv4 address, since
 * a connection to them can end there.
 */
enum AddressKind {

    PUBLIC(null, true),
    LOOPBACK("a loopback address", true),
    PRIVATE("a private address", true),
    SHARED("a shared (carrier-grade NAT) address", true),
    LINK_LOCAL("a link-local address", false),
    METADATA("the cloud metadata address", false),
    UNSPECIFIED("an unspecified address", false),
    MULTICAST("a multicast address", false),
    RESERVED("a reserved or broadcast address", false);

    /** How a message names the kind, or null for {@link #PUBLIC}. */
    final String description;

    /** Whether {@code ferry.outbound.allow-private-addresses} lets a request go there. */
    final boolean allowedWithPrivateAddresses;

    AddressKind(String description, boolean allowedWithPrivateAddresses) {
        this.description = description;
        this.allowedWithPrivateAddresses = allowedWithPrivateAddresses;
    }

    static AddressKind of(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return ofIpv4(bytes, 0);
        }
        return address instanceof Inet6Address ? ofIpv6(bytes) : RESERVED;
    }

    private static AddressKind ofIpv4(byte[] bytes, int at) {
        int a = bytes[at] & 0xff;
        int b = bytes[at + 1] & 0xff;
        if (a == 169 && b == 254) {
            return (bytes[at + 2] & 0xff) == 169 && (bytes[at + 3] & 0xff) == 254 ? METADATA : LINK_LOCAL;
        }
        if (a == 0) {
            return UNSPECIFIED;
        }
        if (a == 127) {
            return LOOPBACK;
        }
        if (a == 10 || a == 172 && b >= 16 && b <= 31 || a == 192 && b == 168) {
            return PRIVATE;
        }
        if (a == 100 && b >= 64 && b <= 127) {
            return SHARED;
        }
        return a >= 240 ? RESERVED : a >= 224 ? MULTICAST : PUBLIC;
    }

    private static AddressKind ofIpv6(byte[] bytes) {
        int embedded = embeddedIpv4At(bytes);
        if (embedded >= 0) {
            return ofIpv4(bytes, embedded);
        }
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        if (zeroUpTo(bytes, 15)) {
            return bytes[15] == 0 ? UNSPECIFIED : bytes[15] == 1 ? LOOPBACK : RESERVED;
        }
        if (first == 0xff) {
            return MULTICAST;
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return LINK_LOCAL;
        }
        if (first == 0xfd && second == 0x00 && bytes[2] == 0x0e && (bytes[3] & 0xff) == 0xc2 && zeroFrom(bytes, 4, 14)
                && (bytes[14] & 0xff) == 0x02 && (bytes[15] & 0xff) == 0x54) {
            return METADATA; // fd00:ec2::254, AWS's IPv6 instance metadata
        }
        if ((first & 0xfe) == 0xfc || first == 0xfe && (second & 0xc0) == 0xc0) {
            return PRIVATE; // unique-local fc00::/7 and the retired site-local fec0::/10
        }
        return PUBLIC;
    }

    /** Where an IPv4 address sits inside an IPv6 one that leads to it, or -1. */
    private static int embeddedIpv4At(byte[] bytes) {
        boolean mapped = zeroUpTo(bytes, 10) && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
        boolean compatible = zeroUpTo(bytes, 12) && !(zeroFrom(bytes, 12, 15) && (bytes[15] == 0 || bytes[15] == 1));
        boolean nat64 = bytes[0] == 0 && bytes[1] == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b
                && zeroFrom(bytes, 4, 12);
        if (mapped || compatible || nat64) {
            return 12;
        }
        return bytes[0] == 0x20 && bytes[1] == 0x02 ? 2 : -1; // 6to4, 2002:a.b.c.d::/48
    }

    private static boolean zeroUpTo(byte[] bytes, int end) {
        return zeroFrom(bytes, 0, end);
    }

    private static boolean zeroFrom(byte[] bytes, int start, int end) {
        for (int i = start; i < end; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
