package dev.ferry.admin;

/** An organization was created; its event catalog is seeded from {@code preset}. */
public record OrganizationCreated(String organizationId, String preset) {
}
