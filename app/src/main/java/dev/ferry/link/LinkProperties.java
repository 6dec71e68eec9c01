package dev.ferry.link;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Ticket-link status sync.
 *
 * @param reconcileEnabled whether the nightly reconcile runs on this node (tests drive it themselves)
 */
@Validated
@ConfigurationProperties("ferry.links")
record LinkProperties(@DefaultValue("true") boolean reconcileEnabled) {
}
