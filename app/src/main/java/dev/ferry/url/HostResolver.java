package dev.ferry.url;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into the addresses a connection could reach. Java 17 has no resolver SPI, so tests declare a
 * bean of this type to map names as they like; without one {@link OutboundGuard} asks the system ({@link #system()}).
 */
@FunctionalInterface
public interface HostResolver {

    /** Every address of {@code host}; never empty. */
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The operating system's resolver, as Java's own connections use it. */
    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
