/** The console's home: the first-run checklist that walks an organization to its first ticket. */
package dev.ferry.start;
