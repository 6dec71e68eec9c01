/** Pages Jira shows in iframes (the configure page, the issue glance and panels), their buttons, and the glance badges kept current. */
package dev.ferry.panel;
