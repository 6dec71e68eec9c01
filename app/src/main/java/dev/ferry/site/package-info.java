/** Per-site install records: the Connect lifecycle (installed, enabled, disabled, uninstalled) and shared secrets. */
package dev.ferry.site;
