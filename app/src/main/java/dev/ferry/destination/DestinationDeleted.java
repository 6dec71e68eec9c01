package dev.ferry.destination;

/** A person deleted a destination: nothing more is filed there. Published inside the transaction that deleted it. */
public record DestinationDeleted(String destinationId) {
}
