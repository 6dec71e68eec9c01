package dev.ferry.oauth;

/** One site an OAuth grant reaches, as {@code accessible-resources} lists it: nothing secret. */
record OAuthSite(String cloudId, String url, String name) {
}
