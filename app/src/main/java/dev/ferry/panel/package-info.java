/** Pages Jira shows in iframes: the configure page now; the issue glance and panel later. */
package dev.ferry.panel;
