package dev.ferry.site;

/** Where a site stands with Ferry, as its lifecycle callbacks said. */
public enum SiteState {
    INSTALLED, ENABLED, DISABLED, UNINSTALLED
}
