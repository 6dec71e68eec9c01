package dev.ferry.oauth;

import java.util.List;

/**
 * The "Connect with Atlassian" page: the button (or what to set while the option is off), and the
 * organization's OAuth connections, each with its health and a Reconnect button when it needs one.
 *
 * @param disabled    why the option is off, naming the settings; null when it is on
 * @param reconnect   the connection a Reconnect renews; null for a new connection
 * @param connections the organization's OAuth connections
 */
record OAuthPage(String disabled, Reconnect reconnect, List<Row> connections, boolean none) {

    /** The connection the page offers to reconnect. */
    record Reconnect(String id, String siteUrl) {
    }

    /** One OAuth connection as the page lists it. */
    record Row(String id, String siteUrl, String account, String health, String message, boolean reconnectNeeded) {
    }
}
