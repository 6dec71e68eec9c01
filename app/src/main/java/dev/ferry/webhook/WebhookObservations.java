package dev.ferry.webhook;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Leaves webhook requests out of the per-request HTTP observation: at thousands of deliveries a second
 * it costs a tenth of each request, and the inbox table says more about them than a timer would.
 */
@Configuration(proxyBeanMethods = false)
class WebhookObservations {

    @Bean
    ObservationPredicate skipWebhookRequests() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier().getRequestURI().startsWith(WebhookRoutes.PREFIX));
    }
}
