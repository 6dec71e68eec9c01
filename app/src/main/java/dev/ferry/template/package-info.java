/** mustache.java rendering: HTML pages, plain-text templates and JSON templates substituted value by value. */
package dev.ferry.template;
