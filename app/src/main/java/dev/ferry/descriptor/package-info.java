/** The Connect descriptor served to Jira and the Forge manifest derived from the same template. */
package dev.ferry.descriptor;
