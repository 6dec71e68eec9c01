package dev.ferry.sitelink;

/**
 * Jira's rejection of a site's credentials no longer holds (a re-install, a replaced token, a reconnect):
 * the deliveries parked for it can go now. Published inside the transaction that cleared the rejection.
 */
public record CredentialsRenewed(String clientKey) {
}
