package dev.ferry.people;

/** A person as an activity is attributed to them: the directory's id, the product's id and the name. */
public record PersonRef(String id, String externalId, String name) {
}
