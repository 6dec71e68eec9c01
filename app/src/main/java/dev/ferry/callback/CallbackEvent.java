package dev.ferry.callback;

import dev.ferry.link.TicketChanged;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The events an endpoint may subscribe to, by the names the product reads in {@code type}. */
enum CallbackEvent {

    TICKET_CREATED("ticket.created", TicketChanged.Kind.CREATED),
    TICKET_STATUS_CHANGED("ticket.status_changed", TicketChanged.Kind.STATUS_CHANGED),
    TICKET_MOVED("ticket.moved", TicketChanged.Kind.MOVED),
    TICKET_DELETED("ticket.deleted", TicketChanged.Kind.DELETED),
    LINK_REMOVED("link.removed", TicketChanged.Kind.LINK_REMOVED);

    /** The type of the message "send a test event" sends; every endpoint gets it, whatever it subscribed to. */
    static final String TEST = "callback.test";

    final String type;
    private final TicketChanged.Kind kind;

    CallbackEvent(String type, TicketChanged.Kind kind) {
        this.type = type;
        this.kind = kind;
    }

    static CallbackEvent of(TicketChanged.Kind kind) {
        return Arrays.stream(values()).filter(event -> event.kind == kind).findFirst().orElseThrow();
    }

    static Optional<CallbackEvent> named(String type) {
        return Arrays.stream(values()).filter(event -> event.type.equals(type)).findFirst();
    }

    /** Every name, comma-separated, for messages that list what is known. */
    static String known() {
        return Arrays.stream(values()).map(event -> event.type).collect(Collectors.joining(", "));
    }
}
