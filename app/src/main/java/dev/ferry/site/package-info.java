/** Per-site install records: the Connect lifecycle (installed, enabled, disabled, uninstalled), shared secrets and site ↔ organization links. */
package dev.ferry.site;
