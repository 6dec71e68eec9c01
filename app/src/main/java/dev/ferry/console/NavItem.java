package dev.ferry.console;

/** One entry of the console's navigation; {@code active} marks the page being shown. */
public record NavItem(String key, String label, String href, boolean active) {
}
