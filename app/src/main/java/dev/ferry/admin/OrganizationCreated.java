package dev.ferry.admin;

/**
 * Published inside the transaction that creates an organization, so listeners (the event catalog seeds
 * itself from {@code preset}) commit or roll back with it.
 *
 * @param preset {@code experimentation} or {@code none}
 */
public record OrganizationCreated(String organizationId, String preset) {
}
