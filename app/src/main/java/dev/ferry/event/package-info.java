/** Product events: the organization's event catalog and its presets, checking a posted event, and the stored events. */
package dev.ferry.event;
