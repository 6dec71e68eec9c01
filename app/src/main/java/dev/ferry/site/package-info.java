/** Per-site install records: the Connect lifecycle (installed, enabled, disabled, uninstalled), shared secrets, and the directory other rooms ask about a site. */
package dev.ferry.site;
