package dev.ferry.connection;

/**
 * A connection's Confluence URL, email or token was changed: what waits for Confluence to accept the connection
 * again may try now. Published inside the transaction that stored the change.
 */
public record ConfluenceCredentialsChanged(String connectionId) {
}
