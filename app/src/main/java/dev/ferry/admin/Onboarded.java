package dev.ferry.admin;

import java.time.Instant;

/** A new organization and its first API key, which holds every scope. */
public record Onboarded(String organizationId, String name, Instant createdAt, IssuedKey apiKey) {
}
