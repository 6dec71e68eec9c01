package dev.ferry.link;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ticket-link status sync.
 *
 * @param reconcileEnabled whether the nightly reconcile runs on this node (tests drive it themselves)
 */
@ConfigurationProperties("ferry.links")
record LinkProperties(@DefaultValue("true") boolean reconcileEnabled) {
}
