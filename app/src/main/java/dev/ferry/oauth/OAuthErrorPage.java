package dev.ferry.oauth;

/** Why "Connect with Atlassian" stopped, and that nothing was stored. */
record OAuthErrorPage(String heading, String message) {
}
