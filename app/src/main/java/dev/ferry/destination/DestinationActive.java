package dev.ferry.destination;

/** A destination takes tickets again after a repair; published inside the transaction that saved it. */
public record DestinationActive(String destinationId) {
}
