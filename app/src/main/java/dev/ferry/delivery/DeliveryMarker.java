package dev.ferry.delivery;

/**
 * The issue property that ties a ticket to the delivery that filed it. It is written in the create call
 * itself, so it exists exactly when the issue does, and the descriptor indexes it so JQL can find it.
 */
final class DeliveryMarker {

    static final String PROPERTY_KEY = "ferry-delivery";
    static final String PATH = "id";

    private DeliveryMarker() {
    }
}
