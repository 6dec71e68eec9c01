package dev.ferry.node;

import java.util.Locale;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** The node's role as a bean of its own, so a worker can ask for it without knowing the rest of the node. */
@Configuration(proxyBeanMethods = false)
class NodeConfig {

    @Bean
    NodeRole nodeRole(NodeProperties properties) {
        if (properties.role() != NodeRole.ALL) {
            LoggerFactory.getLogger(NodeConfig.class).info("node {} runs as {}: {}", properties.name(),
                    properties.role().name().toLowerCase(Locale.ROOT),
                    properties.role() == NodeRole.WEB ? "no workers and no scheduled jobs"
                            : "HTTP answers only health, everything else 503");
        }
        return properties.role();
    }

    /** On worker nodes only; first of Ferry's valves, so ahead of the webhook valve too. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    TomcatContextCustomizer workerNodeGate(NodeRole role) {
        return context -> {
            if (!role.servesRequests()) {
                context.getPipeline().addValve(new WorkerNodeGate());
            }
        };
    }
}
