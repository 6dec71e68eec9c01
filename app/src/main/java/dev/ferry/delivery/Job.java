package dev.ferry.delivery;

import dev.ferry.destination.Destination;
import dev.ferry.destination.Rule;
import dev.ferry.event.ProductEvent;
import dev.ferry.jira.JiraSite;

/** Everything one delivery needs, loaded once before any call to Jira. */
record Job(OutboundDelivery delivery, ProductEvent event, Destination destination, Rule rule, JiraSite site) {
}
