package dev.ferry.console;

import java.util.List;

/**
 * What the console's layout shows around a page: the title, who is signed in (all blank on the login
 * page), the navigation, the CSRF token for forms and htmx, and a one-time message from the last action.
 *
 * @param canManage true for Admins and Managers: show controls that change integrations
 * @param flash     a message left by the previous request (after a redirect), shown once; null when none
 * @param flashLink where the flash message points (the ticket just filed in Jira), or null
 */
public record ConsoleFrame(
        String title,
        boolean signedIn,
        String email,
        String roleLabel,
        String organizationName,
        boolean canManage,
        boolean isAdmin,
        List<NavItem> nav,
        String csrfParameter,
        String csrfHeader,
        String csrfToken,
        String flash,
        FlashLink flashLink) {

    /** A link after the flash message: what it opens, and where. */
    public record FlashLink(String text, String href) {
    }

    /**
     * The layout's partials read every value through {@code {{#frame}}…{{/frame}}}, so a page's view-model
     * may have an {@code email} or a {@code title} of its own without changing what the header shows.
     */
    public ConsoleFrame frame() {
        return this;
    }

    /** The same frame under another title: a page that names what it shows. */
    public ConsoleFrame titled(String other) {
        return new ConsoleFrame(other, signedIn, email, roleLabel, organizationName, canManage, isAdmin, nav,
                csrfParameter, csrfHeader, csrfToken, flash, flashLink);
    }

    /** The same frame with another nav entry lit; null: none. */
    public ConsoleFrame at(String navKey) {
        List<NavItem> lit = nav.stream()
                .map(item -> new NavItem(item.key(), item.label(), item.href(), item.key().equals(navKey))).toList();
        return new ConsoleFrame(title, signedIn, email, roleLabel, organizationName, canManage, isAdmin, lit,
                csrfParameter, csrfHeader, csrfToken, flash, flashLink);
    }
}
