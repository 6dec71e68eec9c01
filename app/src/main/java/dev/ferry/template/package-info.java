/** mustache.java rendering (HTML pages, plain-text and JSON templates) and ticket text as ADF that Jira accepts. */
package dev.ferry.template;
