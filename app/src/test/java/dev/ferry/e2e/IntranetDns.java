package dev.ferry.e2e;

import dev.ferry.url.HostResolver;
import java.net.InetAddress;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A name under atlassian.net that resolves into a private network, as a hostile or mistaken DNS answer would,
 * so journeys can show the outbound guard checks addresses after resolution. Every other name is the system's:
 * journeys share one Spring context, so this resolver is every journey's.
 */
@TestConfiguration(proxyBeanMethods = false)
class IntranetDns {

    static final String HOST = "intranet.atlassian.net";
    static final String ADDRESS = "10.1.2.3";

    @Bean
    HostResolver intranetResolver() {
        HostResolver system = HostResolver.system();
        return host -> HOST.equalsIgnoreCase(host) ? List.of(InetAddress.getByName(ADDRESS)) : system.resolve(host);
    }
}
