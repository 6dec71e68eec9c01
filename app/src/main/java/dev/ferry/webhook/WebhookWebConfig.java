package dev.ferry.webhook;

import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the webhook valve in front of the web application, under the path the descriptor declares webhooks at. */
@Configuration(proxyBeanMethods = false)
class WebhookWebConfig {

    @Bean
    TomcatContextCustomizer webhookValve(WebhookReceiver receiver) {
        return context -> context.getPipeline().addValve(new WebhookValve(receiver));
    }
}
