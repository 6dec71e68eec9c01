package dev.ferry.people;

import java.time.Instant;
import java.util.List;

/** A person of the product, with the identities that are theirs on the organization's connections. */
public record Person(String id, String externalId, String name, List<Identity> identities, Instant createdAt,
        Instant updatedAt) {
}
