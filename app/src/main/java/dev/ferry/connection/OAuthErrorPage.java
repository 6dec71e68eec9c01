package dev.ferry.connection;

/** Why "Connect with Atlassian" stopped, and that nothing was stored. */
record OAuthErrorPage(String heading, String message) {
}
