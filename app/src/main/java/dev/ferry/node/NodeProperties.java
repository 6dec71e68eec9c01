package dev.ferry.node;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * This node among several on one database.
 *
 * @param name how logs and {@code singleton_job_run} name this node; by default the host name and process id,
 *             unique per process on a host
 * @param role {@code all}, {@code web} or {@code worker} ({@link NodeRole})
 */
@ConfigurationProperties("ferry.node")
public record NodeProperties(String name, @DefaultValue("all") NodeRole role) {

    public NodeProperties {
        if (name == null || name.isBlank()) {
            name = hostName() + "-" + ProcessHandle.current().pid();
        }
        if (name.length() > 200) {
            throw new IllegalArgumentException("ferry.node.name must be at most 200 characters, was " + name.length());
        }
        if (role == null) {
            role = NodeRole.ALL;
        }
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "ferry";
        }
    }
}
