package dev.ferry.webhook;

import dev.ferry.connect.ConnectAuthenticator;
import java.time.Clock;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Mounts the webhook servlet under the path the descriptor declares webhooks at. */
@Configuration(proxyBeanMethods = false)
class WebhookWebConfig {

    @Bean
    ServletRegistrationBean<WebhookServlet> webhookServlet(ConnectAuthenticator authenticator, Inbox inbox,
            WebhookRoutes routes, Clock clock) {
        var registration = new ServletRegistrationBean<>(new WebhookServlet(authenticator, inbox, routes, clock),
                WebhookRoutes.PREFIX + "*");
        registration.setName("webhooks");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
